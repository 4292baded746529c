"""Mirrors snippets/databases/schema_constraints.py: each engine refuses exactly the bad rows."""

from __future__ import annotations

import sqlite3

import pytest

from labkit import db
from snippets.databases import schema_constraints as s
from tests.support import require_server

ALWAYS_ACCEPTED = {
    "a customer",
    "a second customer with no phone (NULL)",  # NULLs never collide in a UNIQUE column
    "an order with no discount (NULL)",  # a CHECK that evaluates to NULL passes
}


def outcomes(engine_name: str) -> dict[str, str]:
    engine = db.ENGINES[engine_name]
    with db.scratch_space(engine) as space:
        conn = space.connect()
        try:
            cursor = conn.cursor()
            if engine_name == "sqlite":
                cursor.execute("PRAGMA foreign_keys = ON")
            for statement in s.SCHEMA:
                cursor.execute(statement)
            conn.commit()
            return {what: outcome for _, what, outcome in s.attempt_all(conn, space.name)}
        finally:
            conn.close()


@pytest.mark.parametrize("engine_name", ["sqlite", "postgresql", "mariadb"])
def test_bad_rows_are_rejected(engine_name: str) -> None:
    if engine_name != "sqlite":
        require_server(engine_name)
    result = outcomes(engine_name)
    accepted = {what for what, outcome in result.items() if outcome == "accepted"}
    expected = set(ALWAYS_ACCEPTED)
    if engine_name == "sqlite":
        expected.add("an order for 'ten' items")  # flexible typing in an ordinary table
    assert accepted == expected


def test_mariadb_reports_a_failed_check_as_operational_error() -> None:
    require_server("mariadb")
    result = outcomes("mariadb")
    assert result["an order for 0 items"].startswith("REJECTED  OperationalError: [4025]")
    assert "<scratch>" in result["an order for customer 99"]


def test_sqlite_ignores_foreign_keys_without_the_pragma() -> None:
    with db.scratch(db.ENGINES["sqlite"]) as conn:
        for statement in s.SCHEMA:
            conn.execute(statement)
        conn.execute("INSERT INTO orders VALUES (1, 99, 1, NULL)")  # no customer 99
        conn.commit()
        conn.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO orders VALUES (2, 99, 1, NULL)")
