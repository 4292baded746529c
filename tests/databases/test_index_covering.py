"""Mirrors snippets/databases/index_covering.py: each engine's words for an index-only answer."""

from __future__ import annotations

import pytest

from labkit import db
from snippets.databases.index_data import analyze, load
from snippets.databases.index_plans import plan
from tests.support import require_server

COVERED = {"sqlite": "USING COVERING INDEX", "postgresql": "Index Only Scan",
           "mariadb": "Using index"}
SQL = "SELECT created_at, total_cents FROM orders WHERE customer_id = 42"


@pytest.mark.parametrize("engine", ["sqlite", "postgresql", "mariadb"])
def test_only_the_covering_index_answers_alone(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if engine != "sqlite":
        require_server(engine)
    monkeypatch.setenv("LAB_ENGINE", engine)
    with db.scratch() as conn:
        load(conn)
        cursor = conn.cursor()
        cursor.execute("CREATE INDEX ix_two ON orders (customer_id, created_at)")
        analyze(conn)
        partial = "\n".join(plan(conn, SQL))
        assert "ix_two" in partial and COVERED[engine] not in partial, partial
        cursor.execute("DROP INDEX ix_two" + (" ON orders" if engine == "mariadb" else ""))
        cursor.execute("CREATE INDEX ix_three ON orders (customer_id, created_at, total_cents)")
        analyze(conn)
        full = "\n".join(plan(conn, SQL))
        assert "ix_three" in full and COVERED[engine] in full, full
        if engine == "postgresql":
            assert "Heap Fetches: 0" in full, "after VACUUM the table is not read at all"
