"""Seal and open a value with AES-GCM: a fresh random 96-bit nonce, stored in front of it.

A sealed value is `nonce (12 bytes) || ciphertext || tag (16 bytes)`. The associated data is
authenticated but not stored: whoever opens the value must supply the same bytes again.
"""

from __future__ import annotations

import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12  # 96 bits, the length GCM is designed for
TAG_BYTES = 16


# --8<-- [start:seal]
def seal(key: bytes, plaintext: bytes, associated_data: bytes | None = None) -> bytes:
    """Encrypt and authenticate `plaintext`; bind it to `associated_data` if given."""
    nonce = os.urandom(NONCE_BYTES)  # new for every message, never derived from the data
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated_data)


def unseal(key: bytes, sealed: bytes, associated_data: bytes | None = None) -> bytes:
    """Check and decrypt a sealed value; raise `InvalidTag` if anything was changed."""
    nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    return AESGCM(key).decrypt(nonce, ciphertext, associated_data)
# --8<-- [end:seal]
