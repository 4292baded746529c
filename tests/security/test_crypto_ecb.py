"""Mirrors snippets/security/crypto_ecb.py: ECB keeps the picture, GCM leaves no pattern."""

from __future__ import annotations

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from snippets.security.crypto_ecb import (
    PADLOCK,
    as_seen_by_attacker,
    bitmap,
    blocks,
    encrypt_ecb_vulnerable,
)
from snippets.security.crypto_kit.aead import NONCE_BYTES, TAG_BYTES, seal


def test_ecb_leaks_equal_blocks_and_the_picture() -> None:
    key = AESGCM.generate_key(bit_length=128)
    text = b"A" * 16 + b"B" * 16 + b"A" * 16
    first, second, third = blocks(encrypt_ecb_vulnerable(key, text))
    assert first == third != second
    assert as_seen_by_attacker(encrypt_ecb_vulnerable(key, bitmap(PADLOCK)),
                               len(PADLOCK[0])) == PADLOCK


def test_gcm_leaves_no_pattern() -> None:
    key = AESGCM.generate_key(bit_length=128)
    image = bitmap(PADLOCK)
    ciphertext = seal(key, image)[NONCE_BYTES:-TAG_BYTES]
    assert len(set(blocks(ciphertext))) == len(blocks(image))
    assert as_seen_by_attacker(ciphertext, len(PADLOCK[0])) != PADLOCK
