"""Mirrors snippets/databases/index_data.py: the table every Indexing example queries."""

from __future__ import annotations

import pytest

from labkit import db
from snippets.databases.index_data import CUSTOMERS, ROWS, analyze, load, order_rows
from tests.support import require_server


def test_rows_are_the_same_on_every_run() -> None:
    assert list(order_rows(50)) == list(order_rows(50))


def test_rows_have_the_shape_the_page_describes() -> None:
    rows = list(order_rows())
    assert len(rows) == ROWS
    assert all(1 <= row[1] <= CUSTOMERS for row in rows)
    refunded = sum(row[2] == "refunded" for row in rows) / ROWS
    assert 0.015 < refunded < 0.025, "about 2% of the orders are refunded"
    assert all(row[5] == f"user{row[1]}@example.com" for row in rows)


@pytest.mark.parametrize("engine", ["sqlite", "postgresql", "mariadb"])
def test_load_fills_the_table_on_every_engine(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if engine != "sqlite":
        require_server(engine)
    monkeypatch.setenv("LAB_ENGINE", engine)
    with db.scratch() as conn:
        load(conn, count=2_000)
        analyze(conn)
        cursor = conn.cursor()
        cursor.execute("SELECT count(*), min(id), max(id) FROM orders")
        assert tuple(cursor.fetchone()) == (2_000, 1, 2_000)
