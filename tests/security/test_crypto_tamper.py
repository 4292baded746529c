"""Mirrors snippets/security/crypto_tamper.py: CTR can be edited blind, GCM refuses any change."""

from __future__ import annotations

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from snippets.security.crypto_kit.aead import NONCE_BYTES, TAG_BYTES, seal, unseal
from snippets.security.crypto_tamper import decrypt_ctr_vulnerable, encrypt_ctr_vulnerable, flip

RECORD = b"user=mallory;role=user"
WHERE = RECORD.index(b"role=") + 5


def test_attack_edits_the_unauthenticated_record() -> None:
    key = AESGCM.generate_key(bit_length=256)
    edited = flip(encrypt_ctr_vulnerable(key, RECORD), 16 + WHERE, b"user", b"root")
    assert decrypt_ctr_vulnerable(key, edited) == b"user=mallory;role=root"


@pytest.mark.parametrize("position", [0, 5, NONCE_BYTES, NONCE_BYTES + WHERE, -1])
def test_any_changed_byte_is_refused_by_gcm(position: int) -> None:
    key = AESGCM.generate_key(bit_length=256)
    sealed = seal(key, RECORD)
    edited = bytearray(sealed)
    edited[position] ^= 0x01
    with pytest.raises(InvalidTag):
        unseal(key, bytes(edited))
    assert unseal(key, sealed) == RECORD


def test_sealed_layout() -> None:
    key = AESGCM.generate_key(bit_length=128)
    sealed = seal(key, RECORD, b"ctx")
    assert len(sealed) == NONCE_BYTES + len(RECORD) + TAG_BYTES
    with pytest.raises(InvalidTag):
        unseal(AESGCM.generate_key(bit_length=128), sealed, b"ctx")  # wrong key
