"""Reference solution: AES-GCM with a random nonce and the row id as associated data."""

from __future__ import annotations

import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def seal(key: bytes, row_id: int, plaintext: bytes) -> bytes:
    """Encrypt `plaintext` for row `row_id`: a fresh nonce, then ciphertext and tag."""
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, str(row_id).encode())


def unseal(key: bytes, row_id: int, sealed: bytes) -> bytes:
    """Check and decrypt a value sealed for row `row_id`; InvalidTag if it fails."""
    return AESGCM(key).decrypt(sealed[:12], sealed[12:], str(row_id).encode())
