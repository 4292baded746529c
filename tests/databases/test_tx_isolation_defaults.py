"""Mirrors snippets/databases/tx_isolation_defaults.py: the default isolation level per engine."""

from __future__ import annotations

import pytest

from labkit import db
from snippets.databases.tx_isolation_defaults import QUERIES
from tests.support import require_server

EXPECTED = {
    "postgresql": ["read committed", "read committed"],
    "mariadb": ["REPEATABLE-READ", "REPEATABLE-READ"],
    "sqlite": [0],
}


@pytest.mark.parametrize("engine", sorted(EXPECTED))
def test_default_levels(engine: str) -> None:
    if engine != "sqlite":
        require_server(engine)
    with db.scratch(db.ENGINES[engine]) as conn:
        cursor = conn.cursor()
        answers = []
        for query in QUERIES[engine]:
            cursor.execute(query)
            answers.append(cursor.fetchone()[0])
        assert answers == EXPECTED[engine]


def test_mariadb_10_11_has_no_transaction_isolation_variable() -> None:
    """The page says MariaDB 10.11 knows the variable as tx_isolation only."""
    require_server("mariadb")
    with db.scratch(db.ENGINES["mariadb"]) as conn:
        cursor = conn.cursor()
        cursor.execute("SELECT VERSION()")
        if not cursor.fetchone()[0].startswith("10."):
            pytest.skip("only MariaDB 10.x lacks transaction_isolation")
        cursor.execute("SHOW VARIABLES LIKE 'transaction_isolation'")
        assert cursor.fetchall() == ()


@pytest.mark.parametrize("engine", sorted(EXPECTED))
def test_no_engine_shows_an_uncommitted_change(
    engine: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if engine != "sqlite":
        require_server(engine)
    monkeypatch.setenv("LAB_ENGINE", engine)
    from snippets.databases import tx_isolation_defaults

    tx_isolation_defaults.main()
    out = capsys.readouterr().out
    assert "before COMMIT: 100" in out and "after COMMIT:  0" in out
