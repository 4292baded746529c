"""Mirrors snippets/security/password_crack.py: the dictionary attack works on fast unsalted
hashes and gets nowhere against Argon2id."""

from __future__ import annotations

from argon2 import PasswordHasher

from snippets.security.password_crack import (
    USERS,
    crack_argon2,
    crack_unsalted,
    hash_password_vulnerable,
)
from snippets.security.password_kit import common_passwords, owasp_minimum_hasher


def test_attack_cracks_the_vulnerable_table() -> None:
    leaked = {user: hash_password_vulnerable(pw) for user, pw in USERS.items()}
    assert leaked["ada"] == leaked["cy"]  # no salt: same password, same hash
    cracked = crack_unsalted(leaked, common_passwords())
    assert cracked == {"ada": "sunshine42", "bob": "dragon7", "cy": "sunshine42"}


def test_attack_fails_on_the_argon2id_table() -> None:
    hasher = PasswordHasher()
    leaked = {user: hasher.hash(pw) for user, pw in USERS.items()}
    assert len(set(leaked.values())) == len(leaked)  # salted: no two hashes alike
    cracked, tried = crack_argon2(leaked, common_passwords(), seconds=1.0)
    assert cracked == {}
    assert tried < 127  # the first crackable guess is number 128


def test_the_slow_attack_does_crack_a_guess_it_reaches() -> None:
    """The same attack code finds a password early in its list: it fails for lack of time."""
    leaked = {"eve": owasp_minimum_hasher().hash("dragon")}
    cracked, _ = crack_argon2(leaked, ["password", "dragon"], seconds=30)
    assert cracked == {"eve": "dragon"}
