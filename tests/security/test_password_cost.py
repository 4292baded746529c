"""Mirrors snippets/security/password_cost.py: an Argon2id guess costs far more than SHA-256."""

from __future__ import annotations

import hashlib

from argon2 import PasswordHasher

from snippets.security.password_kit import common_passwords, rate_per_second


def test_argon2id_guesses_are_at_least_a_thousand_times_dearer() -> None:
    hasher = PasswordHasher()
    sha = rate_per_second(lambda n: hashlib.sha256(str(n).encode()).digest(), seconds=0.2)
    argon = rate_per_second(lambda n: hasher.hash(str(n)), seconds=0.5)
    assert sha / argon >= 1_000


def test_guess_list_is_deterministic_and_holds_the_demo_passwords() -> None:
    guesses = common_passwords()
    assert len(guesses) == 2020 and len(set(guesses)) == 2020
    assert guesses.index("dragon7") == 127 and guesses.index("sunshine42") == 262
    assert common_passwords() == guesses
