"""Mirrors snippets/security/password_hashing.py: Argon2id defaults, salts, verification."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from argon2.profiles import RFC_9106_LOW_MEMORY

from snippets.security.password_hashing import describe
from snippets.security.password_kit import owasp_minimum_hasher, phc_parameters


def test_defaults_are_rfc_9106_second_recommended_option() -> None:
    hasher = PasswordHasher()
    assert (hasher.memory_cost, hasher.time_cost, hasher.parallelism) == (65536, 3, 4)
    assert RFC_9106_LOW_MEMORY.salt_len == 16 and RFC_9106_LOW_MEMORY.hash_len == 32
    assert hasher.hash("pw").startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_owasp_floor_parameters() -> None:
    assert phc_parameters(owasp_minimum_hasher().hash("pw")) == "m=19456,t=2,p=1"


def test_verify_and_salts() -> None:
    hasher = owasp_minimum_hasher()
    first, second = hasher.hash("sunshine1"), hasher.hash("sunshine1")
    assert first != second
    assert hasher.verify(first, "sunshine1") and hasher.verify(second, "sunshine1")
    with pytest.raises(VerifyMismatchError):
        hasher.verify(first, "sunshine2")


def test_describe_hides_the_random_parts() -> None:
    shown = describe(owasp_minimum_hasher().hash("pw"))
    assert shown == "$argon2id$v=19$m=19456,t=2,p=1$<salt: 22 base64 chars>$<hash: 43 base64 chars>"
