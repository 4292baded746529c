"""Mirrors snippets/databases/tx_consistency.py: the CHECK constraint refuses an overdraft."""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest

from labkit import db
from tests.support import require_server

ENGINES = ["sqlite", "postgresql", "mariadb"]
ERROR_CLASS = {
    "sqlite": "sqlite3.IntegrityError",
    "postgresql": "psycopg.errors.CheckViolation",
    "mariadb": "pymysql.err.OperationalError",
}


@pytest.fixture(params=ENGINES)
def snippet(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    if request.param != "sqlite":
        require_server(request.param)
    monkeypatch.setenv("LAB_ENGINE", request.param)
    import snippets.databases.tx_consistency as module

    return importlib.reload(module)


def test_overdraft_is_refused_and_nothing_changes(snippet: ModuleType) -> None:
    engine = db.current().name
    with db.scratch_space() as space:
        conn = space.connect()
        conn.cursor().execute(snippet.SCHEMA)
        conn.cursor().execute("INSERT INTO accounts VALUES (1, 'alice', 100), (2, 'bob', 50)")
        conn.commit()
        with pytest.raises(conn.Error) as caught:
            snippet.transfer(conn, 1, 2, 150)
        error = caught.value
        assert f"{type(error).__module__}.{type(error).__name__}" == ERROR_CLASS[engine]
        assert "balance_not_negative" in str(error)
        # The pitfall on the page: PyMySQL reports MariaDB's CHECK failure (error 4025)
        # as an OperationalError, so `except IntegrityError` would miss it.
        assert isinstance(error, conn.IntegrityError) == (engine != "mariadb")
        assert snippet.balances(conn) == "alice=100, bob=50 (total 150)"
        snippet.transfer(conn, 1, 2, 100)  # exactly to zero is allowed
        assert snippet.balances(conn) == "alice=0, bob=150 (total 150)"
        conn.close()


def test_an_ignored_error_commits_half_a_transfer_except_on_postgresql(
    snippet: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite and MariaDB undo only the failed statement; PostgreSQL aborts the transaction."""
    engine = db.current().name
    with db.scratch_space() as space:
        conn = space.connect()
        conn.cursor().execute(snippet.SCHEMA)
        conn.cursor().execute("INSERT INTO accounts VALUES (1, 'alice', 100), (2, 'bob', 50)")
        conn.commit()
        snippet.transfer_ignoring_errors(conn, 2, 1, 80)  # bob has only 50
        expected = {
            "postgresql": "alice=100, bob=50 (total 150)",  # COMMIT became ROLLBACK
            "sqlite": "alice=180, bob=50 (total 230)",  # the credit was committed alone
            "mariadb": "alice=180, bob=50 (total 230)",
        }[engine]
        assert snippet.balances(conn) == expected
        conn.close()
    assert "error ignored" in capsys.readouterr().out
