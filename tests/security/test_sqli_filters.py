"""Mirrors snippets/security/sqli_filters.py: escaping and deny-lists fail; allow-lists hold."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from labkit import db
from snippets.security.sqli_app import create_library
from snippets.security.sqli_filters import (
    book_by_id_vulnerable,
    search_filtered_vulnerable,
    sorted_titles,
    sorted_titles_vulnerable,
)


@pytest.fixture(scope="module")
def conn() -> Iterator[sqlite3.Connection]:
    with db.scratch() as connection:
        create_library(connection)
        yield connection


def _users(rows: list[tuple[str, str]]) -> set[str]:
    return {left for left, _ in rows} & {"admin", "ada", "grace"}


def test_escaping_quotes_does_not_help_outside_quotes(conn: sqlite3.Connection) -> None:
    rows = book_by_id_vulnerable(conn, "0 UNION SELECT username, password_hash FROM users")
    assert _users(rows) == {"admin", "ada", "grace"}
    assert book_by_id_vulnerable(conn, "3") == [("Dune", "Frank Herbert")]


def test_a_deny_list_is_bypassed_by_nesting(conn: sqlite3.Connection) -> None:
    smuggled = "zzz' UNunionION SELselectECT username, password_hash FROM users WHERE '%'='"
    assert _users(search_filtered_vulnerable(conn, smuggled)) == {"admin", "ada", "grace"}


def test_order_by_leaks_one_bit_per_request(conn: sqlite3.Connection) -> None:
    def oracle(prefix: str) -> bool:
        probe = ("CASE WHEN (SELECT substr(password_hash, 1, "
                 f"{len(prefix)}) FROM users WHERE username = 'admin') = '{prefix}' "
                 "THEN title ELSE -id END")
        return sorted_titles_vulnerable(conn, probe)[0] == "Dune"

    assert oracle("$argon2id$") and not oracle("$2b$")


def test_the_allow_list_refuses_anything_else(conn: sqlite3.Connection) -> None:
    with pytest.raises(ValueError, match="cannot sort by"):
        sorted_titles(conn, "CASE WHEN 1=1 THEN title ELSE -id END")
    with pytest.raises(ValueError):
        sorted_titles(conn, "title; DROP TABLE users")
    assert sorted_titles(conn, "title") == ["Dune", "Kindred", "Solaris", "The Dispossessed"]
