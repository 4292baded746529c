"""Seal a column value with AES-GCM, bound to its row.

The library stores each member's phone number encrypted in `members.phone`. Write the two
functions that put a value in and take it out, with
`cryptography.hazmat.primitives.ciphers.aead.AESGCM`:

- `seal(key, row_id, plaintext)` returns `nonce + ciphertext`: a fresh random 12-byte nonce
  for every call (never a constant, never derived from the row or the data), followed by what
  `AESGCM.encrypt` returns (the ciphertext with its 16-byte tag).
- The associated data is the row id as ASCII digits: row 42 uses `b"42"`. It is not stored;
  it ties the ciphertext to its row, so a value copied into another row does not open.
- `unseal(key, row_id, sealed)` returns the plaintext, and raises
  `cryptography.exceptions.InvalidTag` if any byte was changed, if the value belongs to
  another row, or if the key is wrong. Never return anything for a value that fails.
"""

from __future__ import annotations


def seal(key: bytes, row_id: int, plaintext: bytes) -> bytes:
    """Encrypt `plaintext` for row `row_id`: a fresh nonce, then ciphertext and tag."""
    raise NotImplementedError("write seal")


def unseal(key: bytes, row_id: int, sealed: bytes) -> bytes:
    """Check and decrypt a value sealed for row `row_id`; InvalidTag if it fails."""
    raise NotImplementedError("write unseal")
