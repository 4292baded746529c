"""Mirrors snippets/databases/sql_upsert.py: upserts, their rowcounts, and the race they avoid."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from labkit import db
from snippets.databases.sql_upsert import CREATE, check_then_insert, restock
from tests.support import require_server

ENGINES = ["sqlite", "postgresql", "mariadb"]


@pytest.fixture(params=ENGINES)
def space(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    if request.param != "sqlite":
        require_server(request.param)
    monkeypatch.setenv("LAB_ENGINE", request.param)
    with db.scratch_space() as scratch:
        conn = scratch.connect()
        conn.cursor().execute(CREATE)
        conn.commit()
        conn.close()
        yield scratch


def quantity(space: Any, sku: str) -> int:
    conn = space.connect()
    try:
        cursor = conn.cursor()
        cursor.execute(f"SELECT quantity FROM stock WHERE sku = {db.current().placeholder}",
                       (sku,))
        return cursor.fetchone()[0]
    finally:
        conn.close()


def test_one_statement_inserts_then_adds(space: Any) -> None:
    conn = space.connect()
    try:
        counts = [restock(conn, "KB-87", 5), restock(conn, "KB-87", 3)]
    finally:
        conn.close()
    assert quantity(space, "KB-87") == 8
    expected = [1, 2] if db.current().name == "mariadb" else [1, 1]
    assert counts == expected


def test_check_then_insert_fails_for_the_second_session(
    space: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    check_then_insert(space)
    out = capsys.readouterr().out
    assert "rows found by A: 0   rows found by B: 0" in out
    assert "session B's insert:" in out
    assert quantity(space, "MS-01") == 1


def test_mariadb_insert_ignore_also_hides_other_errors() -> None:
    """INSERT IGNORE turns a too-long value into a truncated row plus a warning."""
    require_server("mariadb")
    with db.scratch(db.ENGINES["mariadb"]) as conn, conn.cursor() as cursor:
        cursor.execute("CREATE TABLE stock (sku VARCHAR(5) PRIMARY KEY, quantity INT NOT NULL)")
        with pytest.raises(conn.Error):
            cursor.execute("INSERT INTO stock VALUES ('TOO-LONG', 1)")  # strict mode refuses
        cursor.execute("INSERT IGNORE INTO stock VALUES ('TOO-LONG', 1)")
        cursor.execute("SHOW WARNINGS")
        assert [code for _, code, _ in cursor.fetchall()] == [1265]  # data truncated
        cursor.execute("SELECT sku FROM stock")
        assert cursor.fetchall() == (("TOO-L",),)


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_do_nothing_keeps_the_existing_row(engine: str) -> None:
    if engine != "sqlite":
        require_server(engine)
    mark = db.ENGINES[engine].placeholder
    with db.scratch(db.ENGINES[engine]) as conn:
        cursor = conn.cursor()
        cursor.execute(CREATE)
        sql = (f"INSERT INTO stock (sku, quantity) VALUES ({mark}, {mark}) "
               "ON CONFLICT (sku) DO NOTHING")
        cursor.execute(sql, ("KB-87", 5))
        cursor.execute(sql, ("KB-87", 9))
        cursor.execute("SELECT quantity FROM stock")
        assert cursor.fetchall() in ([(5,)], ((5,),))
