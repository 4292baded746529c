"""Mirrors snippets/databases/index_pagination.py: OFFSET reads every skipped row, a keyset not."""

from __future__ import annotations

import pytest

from labkit import db
from snippets.databases.index_data import analyze, load
from snippets.databases.index_plans import plan
from tests.support import require_server

READ = {"postgresql": "actual rows={n} ", "mariadb": "r_rows={n} "}


@pytest.mark.parametrize("engine", ["sqlite", "postgresql", "mariadb"])
def test_offset_reads_the_skipped_rows(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if engine != "sqlite":
        require_server(engine)
    monkeypatch.setenv("LAB_ENGINE", engine)
    p = db.current().placeholder
    with db.scratch() as conn:
        load(conn, count=30_000)
        analyze(conn)
        by_offset = f"SELECT id FROM orders ORDER BY id LIMIT {p} OFFSET {p}"
        by_keyset = f"SELECT id FROM orders WHERE id > {p} ORDER BY id LIMIT {p}"
        cursor = conn.cursor()
        cursor.execute(by_offset, (20, 25_000))
        offset_rows = cursor.fetchall()
        cursor.execute(by_keyset, (25_000, 20))
        assert cursor.fetchall() == offset_rows
        offset_plan = "\n".join(plan(conn, by_offset, (20, 25_000)))
        keyset_plan = "\n".join(plan(conn, by_keyset, (25_000, 20)))
        if engine == "sqlite":
            assert "SCAN orders" in offset_plan
            assert "SEARCH orders USING INTEGER PRIMARY KEY (rowid>?)" in keyset_plan
        else:
            assert READ[engine].format(n=25_020) in offset_plan, offset_plan
            assert READ[engine].format(n=20) in keyset_plan, keyset_plan
