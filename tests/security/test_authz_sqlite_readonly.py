"""Mirrors snippets/security/authz_sqlite_readonly.py: mode=ro and an authorizer refuse writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from labkit import db
from snippets.security.authz_app.database import run
from snippets.security.authz_db_roles import SETUP, STATEMENTS
from snippets.security.authz_sqlite_readonly import (
    connect_app,
    connect_read_only,
    connect_vulnerable,
)


@pytest.fixture()
def path() -> Iterator[Path]:
    with db.scratch_space(db.ENGINES["sqlite"]) as space:
        conn = space.connect()
        for statement in SETUP:
            conn.execute(statement)
        conn.commit()
        yield space.path


def outcomes(path: Path, opener: Callable[[Path], sqlite3.Connection]) -> list[bool]:
    conn = opener(path)
    try:
        return [run(conn, sql).startswith("ok") for sql in STATEMENTS]
    finally:
        conn.close()


def test_the_read_write_connection_runs_everything(path: Path) -> None:
    assert outcomes(path, connect_vulnerable) == [True] * 6


def test_read_only_refuses_every_write(path: Path) -> None:
    # SELECT, INSERT, SELECT salaries, UPDATE, DELETE, DROP
    assert outcomes(path, connect_read_only) == [True, False, True, False, False, False]
    with sqlite3.connect(path) as check:
        assert check.execute("SELECT count(*) FROM invoices").fetchone()[0] == 2


def test_the_authorizer_matches_the_server_grants(path: Path) -> None:
    assert outcomes(path, connect_app) == [True, True, False, False, False, False]
