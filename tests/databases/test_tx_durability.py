"""Mirrors snippets/databases/tx_durability.py: durable defaults, and what relaxing them buys."""

from __future__ import annotations

import pytest

from labkit import db
from snippets.databases import tx_durability
from tests.support import require_server

DEFAULTS = {
    "postgresql": {"SHOW synchronous_commit": "on", "SHOW fsync": "on"},
    "mariadb": {"SELECT @@innodb_flush_log_at_trx_commit": 1},
    "sqlite": {"PRAGMA journal_mode": "delete", "PRAGMA synchronous": 2},
}


@pytest.mark.parametrize("engine", sorted(DEFAULTS))
def test_engines_ship_with_a_flush_per_commit(engine: str) -> None:
    if engine != "sqlite":
        require_server(engine)
    with db.scratch(db.ENGINES[engine]) as conn:
        cursor = conn.cursor()
        for query, expected in DEFAULTS[engine].items():
            cursor.execute(query)
            assert cursor.fetchone()[0] == expected, query


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_relaxed_commits_are_faster(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if engine != "sqlite":
        require_server(engine)
    monkeypatch.setenv("LAB_ENGINE", engine)
    with db.scratch() as conn:
        if engine == "postgresql":
            conn.autocommit = True
            conn.execute(tx_durability.COMMIT_MANY)
        conn.cursor().execute("CREATE TABLE events (note VARCHAR(20))")
        conn.commit()
        durable = tx_durability.seconds_per_commit(conn)
        for statement in tx_durability.RELAXED[engine]:
            conn.cursor().execute(statement)
        relaxed = tx_durability.seconds_per_commit(conn)
        assert durable / relaxed >= 3, f"durable {durable:.6f} s, relaxed {relaxed:.6f} s"
