"""Encryption without authentication can be edited blind; AES-GCM refuses any change.

This module contains DELIBERATELY VULNERABLE functions, `encrypt_ctr_vulnerable` and
`decrypt_ctr_vulnerable` (AES-CTR with no integrity check), kept to show the attack. They
only handle a throwaway record with a key generated for this run.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from snippets.security.crypto_kit.aead import NONCE_BYTES, seal, unseal

VULNERABLE = ("encrypt_ctr_vulnerable", "decrypt_ctr_vulnerable")


# --8<-- [start:ctr]
def encrypt_ctr_vulnerable(key: bytes, plaintext: bytes) -> bytes:
    """DELIBERATELY VULNERABLE: confidential, but nothing detects a change."""
    nonce = os.urandom(16)
    encryptor = Cipher(algorithms.AES(key), modes.CTR(nonce)).encryptor()
    return nonce + encryptor.update(plaintext) + encryptor.finalize()


def decrypt_ctr_vulnerable(key: bytes, blob: bytes) -> bytes:
    """DELIBERATELY VULNERABLE: decrypts whatever it is given, edited or not."""
    decryptor = Cipher(algorithms.AES(key), modes.CTR(blob[:16])).decryptor()
    return decryptor.update(blob[16:]) + decryptor.finalize()
# --8<-- [end:ctr]


# --8<-- [start:flip]
def flip(blob: bytes, position: int, old: bytes, new: bytes) -> bytes:
    """The attacker's edit: XOR `old ^ new` into the ciphertext at `position`, no key needed."""
    edited = bytearray(blob)
    for i, (a, b) in enumerate(zip(old, new, strict=True)):
        edited[position + i] ^= a ^ b  # [mark:xor]
    return bytes(edited)
# --8<-- [end:flip]


def main() -> None:
    """Mallory knows the layout of her own record and edits its ciphertext."""
    key = AESGCM.generate_key(bit_length=256)
    record = b"user=mallory;role=user"
    where = record.index(b"role=") + len(b"role=")
    # --8<-- [start:attack]
    stored = encrypt_ctr_vulnerable(key, record)
    edited = flip(stored, 16 + where, b"user", b"root")
    print("AES-CTR, no tag :", decrypt_ctr_vulnerable(key, edited))

    sealed = seal(key, record)
    edited = flip(sealed, NONCE_BYTES + where, b"user", b"root")
    try:
        unseal(key, edited)
    except InvalidTag:
        print("AES-GCM         : InvalidTag, the edited record is refused")
    one_byte = flip(sealed, NONCE_BYTES, b"u", b"U")  # one byte: user= -> User=
    try:
        unseal(key, one_byte)
    except InvalidTag:
        print("AES-GCM, 1 byte : InvalidTag again")
    print("AES-GCM, intact :", unseal(key, sealed))
    # --8<-- [end:attack]


if __name__ == "__main__":
    main()
