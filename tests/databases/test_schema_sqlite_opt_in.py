"""Mirrors snippets/databases/schema_sqlite_opt_in.py: SQLite's three opt-in rules, one by one."""

from __future__ import annotations

import sqlite3

import pytest

from labkit import db


def test_foreign_keys_are_off_and_the_pragma_is_ignored_inside_a_transaction() -> None:
    with db.scratch(db.ENGINES["sqlite"]) as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        conn.execute("CREATE TABLE t (x INTEGER)")
        conn.execute("INSERT INTO t VALUES (1)")  # the sqlite3 module opens a transaction
        assert conn.in_transaction
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        conn.commit()
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_strict_tables_check_types() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE loose (q INTEGER)")
    conn.execute("INSERT INTO loose VALUES ('ten')")
    assert conn.execute("SELECT typeof(q) FROM loose").fetchone() == ("text",)
    conn.execute("CREATE TABLE strict (q INTEGER) STRICT")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO strict VALUES ('ten')")
    conn.execute("INSERT INTO strict VALUES ('10')")  # a lossless conversion is still allowed
    assert conn.execute("SELECT typeof(q) FROM strict").fetchone() == ("integer",)


def test_text_primary_key_takes_null_unless_not_null() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE p (sku TEXT PRIMARY KEY)")
    conn.execute("INSERT INTO p VALUES (NULL), (NULL)")
    assert conn.execute("SELECT COUNT(*) FROM p").fetchone()[0] == 2
    conn.execute("CREATE TABLE q (sku TEXT PRIMARY KEY) STRICT")  # STRICT also forbids it
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO q VALUES (NULL)")
