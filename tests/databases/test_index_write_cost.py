"""Mirrors snippets/databases/index_write_cost.py: every index is written on every insert."""

from __future__ import annotations

import pytest

from labkit import db
from snippets.databases.index_data import load
from snippets.databases.index_write_cost import INDEXES, insert_seconds
from tests.support import require_server


def test_indexed_table_is_slower_to_fill_on_sqlite() -> None:
    with db.scratch(db.ENGINES["sqlite"]) as conn:
        load(conn, count=50_000)
        bare = min(insert_seconds(conn, "bare", 0) for _ in range(2))
        indexed = min(insert_seconds(conn, "indexed", len(INDEXES)) for _ in range(2))
    assert indexed > 2 * bare, f"bare {bare:.3f} s, indexed {indexed:.3f} s"


@pytest.mark.parametrize("engine", ["sqlite", "postgresql", "mariadb"])
def test_every_index_gets_an_entry_per_row(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if engine != "sqlite":
        require_server(engine)
    monkeypatch.setenv("LAB_ENGINE", engine)
    with db.scratch() as conn:
        load(conn, count=1_000)
        insert_seconds(conn, "indexed", len(INDEXES))
        cursor = conn.cursor()
        for column in ("customer_id", "created_at", "email", "phone"):
            # Reading only an indexed column walks the index: it holds all 1,000 rows.
            cursor.execute(f"SELECT count({column}) FROM indexed")
            assert cursor.fetchone()[0] == 1_000
        if engine == "sqlite":
            names = {row[1] for row in conn.execute("PRAGMA index_list(indexed)")}
            assert len(names) == len(INDEXES)
