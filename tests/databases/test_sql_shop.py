"""Mirrors snippets/databases/sql_shop.py: the sample shop loads on every engine."""

from __future__ import annotations

import sqlite3

import pytest

from labkit import db
from snippets.databases.sql_shop import ROWS, create_shop, describe, show
from tests.support import require_server

ENGINES = ["sqlite", "postgresql", "mariadb"]


@pytest.mark.parametrize("engine", ENGINES)
def test_every_table_gets_every_row(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if engine != "sqlite":
        require_server(engine)
    monkeypatch.setenv("LAB_ENGINE", engine)
    with db.scratch() as conn:
        create_shop(conn)
        cursor = conn.cursor()
        for table, rows in ROWS.items():
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            assert cursor.fetchone()[0] == len(rows), table


def test_show_prints_null_for_none(capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(":memory:")
    cursor = conn.execute("SELECT 1 AS a, NULL AS b")
    show(cursor, "demo")
    assert capsys.readouterr().out.splitlines() == ["-- demo", "a  b", "1  NULL", ""]


def test_describe_names_the_error_class() -> None:
    conn = sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute("SELEC 1")
    assert describe(caught.value).startswith("OperationalError: near \"SELEC\"")
