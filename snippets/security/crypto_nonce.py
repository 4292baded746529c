"""Reusing an AES-GCM nonce: one known plaintext reveals the other; a fresh nonce stops it.

This module contains one DELIBERATELY VULNERABLE function, `seal_note_vulnerable`, whose
nonce repeats whenever a row is updated. It only encrypts made-up notes with a key generated
for this run.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from snippets.security.crypto_kit.aead import NONCE_BYTES, TAG_BYTES, seal

VULNERABLE = ("seal_note_vulnerable",)

KNOWN = b"note: your card is ready to collect"
SECRET = b"note: staff door code is 4417, shh!"


# --8<-- [start:vulnerable]
def seal_note_vulnerable(key: bytes, row_id: int, note: bytes) -> bytes:
    """DELIBERATELY VULNERABLE: the nonce is the row id, so an update reuses it."""
    nonce = row_id.to_bytes(NONCE_BYTES, "big")  # [mark:reuse]
    return nonce + AESGCM(key).encrypt(nonce, note, None)
# --8<-- [end:vulnerable]


# --8<-- [start:attack]
def xor(a: bytes, b: bytes) -> bytes:
    """Byte-wise XOR, as long as the shorter input."""
    return bytes(x ^ y for x, y in zip(a, b, strict=False))


def body(sealed: bytes) -> bytes:
    """The ciphertext alone: no nonce in front, no tag behind."""
    return sealed[NONCE_BYTES:-TAG_BYTES]


def recover(known: bytes, sealed_known: bytes, sealed_other: bytes) -> bytes:
    """Same key and nonce: c1 ^ c2 == p1 ^ p2, so p2 == c1 ^ c2 ^ p1. No key needed."""
    return xor(xor(body(sealed_known), body(sealed_other)), known)  # [mark:recover]
# --8<-- [end:attack]


def main() -> None:
    """Row 7 held a note the attacker knows; it is updated to a secret one."""
    key = AESGCM.generate_key(bit_length=256)
    # --8<-- [start:run]
    old, new = seal_note_vulnerable(key, 7, KNOWN), seal_note_vulnerable(key, 7, SECRET)
    print("nonce reused:", old[:NONCE_BYTES] == new[:NONCE_BYTES])
    print("c1 ^ c2 == p1 ^ p2:", xor(body(old), body(new)) == xor(KNOWN, SECRET))
    print("recovered:", recover(KNOWN, old, new))

    old, new = seal(key, KNOWN), seal(key, SECRET)  # a fresh random nonce each time
    print("\nnonce reused:", old[:NONCE_BYTES] == new[:NONCE_BYTES])
    guess = recover(KNOWN, old, new)
    print("c1 ^ c2 == p1 ^ p2:", xor(body(old), body(new)) == xor(KNOWN, SECRET))
    print(f"recovered: {len(guess)} bytes, equal to the secret: {guess == SECRET}, "
          f"printable: {guess.isascii() and guess.decode('ascii').isprintable()}")
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
