"""Mirrors snippets/security/crypto_nonce.py: a reused nonce leaks the plaintext; fresh ones not."""

from __future__ import annotations

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from snippets.security.crypto_kit.aead import NONCE_BYTES, seal
from snippets.security.crypto_nonce import KNOWN, SECRET, body, recover, seal_note_vulnerable, xor


def test_attack_recovers_the_secret_when_the_nonce_repeats() -> None:
    key = AESGCM.generate_key(bit_length=256)
    old, new = seal_note_vulnerable(key, 7, KNOWN), seal_note_vulnerable(key, 7, SECRET)
    assert xor(body(old), body(new)) == xor(KNOWN, SECRET)
    assert recover(KNOWN, old, new) == SECRET


def test_attack_fails_with_fresh_random_nonces() -> None:
    key = AESGCM.generate_key(bit_length=256)
    old, new = seal(key, KNOWN), seal(key, SECRET)
    assert old[:NONCE_BYTES] != new[:NONCE_BYTES]
    assert recover(KNOWN, old, new) != SECRET


def test_no_nonce_repeats_over_many_messages() -> None:
    key = AESGCM.generate_key(bit_length=128)
    nonces = {seal(key, b"x")[:NONCE_BYTES] for _ in range(5000)}
    assert len(nonces) == 5000
