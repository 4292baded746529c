"""Mirrors snippets/security/password_rehash.py: rehash on login when parameters change."""

from __future__ import annotations

from argon2 import PasswordHasher

from snippets.security.password_kit import owasp_minimum_hasher, phc_parameters
from snippets.security.password_rehash import login


def test_old_hash_is_upgraded_on_successful_login_only() -> None:
    users = {"ada": owasp_minimum_hasher().hash("sunshine42")}
    today = PasswordHasher()
    assert not login(users, today, "ada", "wrong")
    assert phc_parameters(users["ada"]) == "m=19456,t=2,p=1"
    assert login(users, today, "ada", "sunshine42")
    assert phc_parameters(users["ada"]) == "m=65536,t=3,p=4"
    assert not today.check_needs_rehash(users["ada"])
    upgraded = users["ada"]
    assert login(users, today, "ada", "sunshine42") and users["ada"] == upgraded


def test_unknown_user_is_refused() -> None:
    assert not login({}, PasswordHasher(), "nobody", "x")
