"""Mirrors snippets/security/crypto_fernet.py: keys from the environment, tamper, rotation."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from snippets.security.crypto_fernet import keys_from_env


def test_keys_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    new, old = Fernet.generate_key(), Fernet.generate_key()
    monkeypatch.setenv("LAB_FERNET_KEYS", f"{new.decode()}, {old.decode()}")
    assert keys_from_env() == [new, old]
    monkeypatch.delenv("LAB_FERNET_KEYS")
    generated = keys_from_env()
    assert len(generated) == 2 and generated[0] != generated[1]


def test_rotation_and_tampering() -> None:
    new, old = Fernet(Fernet.generate_key()), Fernet(Fernet.generate_key())
    token = old.encrypt(b"secret")
    assert token.startswith(b"gAAAAA")
    with pytest.raises(InvalidToken):
        old.decrypt(token[:-5] + (b"A" if token[-5:-4] != b"A" else b"B") + token[-4:])
    rotated = MultiFernet([new, old]).rotate(token)
    assert new.decrypt(rotated) == b"secret"
    with pytest.raises(InvalidToken):
        new.decrypt(token)
