"""Mirrors snippets/security/sqli_attacks.py: both attacks work on the vulnerable code only."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from labkit import db
from snippets.security.sqli_app import HASHER, create_library
from snippets.security.sqli_attacks import (
    login,
    login_vulnerable,
    search_books,
    search_books_vulnerable,
)

LEAK = "zzz' UNION SELECT username, password_hash FROM users --"


@pytest.fixture(scope="module")
def conn() -> Iterator[sqlite3.Connection]:
    with db.scratch() as connection:
        create_library(connection)
        yield connection


def test_union_login_bypass_works_on_the_vulnerable_login(conn: sqlite3.Connection) -> None:
    payload = f"' UNION SELECT 1, 'admin', '{HASHER.hash('let-me-in')}' --"
    assert login_vulnerable(conn, payload, "let-me-in") == "admin"
    assert login(conn, payload, "let-me-in") is None


def test_comment_payloads_change_the_query_but_not_the_password_check(
        conn: sqlite3.Connection) -> None:
    for payload in ("admin' --", "' OR '1'='1' --"):
        assert login_vulnerable(conn, payload, "wrong") is None
        assert login(conn, payload, "wrong") is None


def test_real_credentials_still_work(conn: sqlite3.Connection) -> None:
    assert login(conn, "ada", "ada-demo-password") == "ada"
    assert login(conn, "ada", "nope") is None


def test_union_leaks_hashes_only_from_the_vulnerable_search(conn: sqlite3.Connection) -> None:
    leaked = search_books_vulnerable(conn, LEAK)
    assert {user for user, _ in leaked} == {"admin", "ada", "grace"}
    assert all(value.startswith("$argon2id$") for _, value in leaked)
    assert search_books(conn, LEAK) == []
    assert search_books(conn, "Dune") == search_books_vulnerable(conn, "Dune")


def test_a_quote_is_data_for_the_fixed_search(conn: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.OperationalError):
        search_books_vulnerable(conn, "O'Brien")
    assert search_books(conn, "O'Brien") == []
