"""Mirrors snippets/databases/tx_atomicity.py: only a transaction survives a crash half-way."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from labkit import db
from tests.support import require_server

ENGINES = ["sqlite", "postgresql", "mariadb"]


@pytest.fixture(params=ENGINES)
def snippet(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The snippet module, imported again so its SQL uses this engine's placeholder."""
    if request.param != "sqlite":
        require_server(request.param)
    monkeypatch.setenv("LAB_ENGINE", request.param)
    import snippets.databases.tx_atomicity as module

    return importlib.reload(module)


@pytest.fixture
def space(snippet: ModuleType) -> Iterator[Any]:
    with db.scratch_space() as scratch:
        conn = scratch.connect()
        snippet.create_accounts(conn)
        conn.close()
        yield scratch


def totals(space: Any) -> tuple[int, int]:
    """(alice, bob) as a fresh session sees them."""
    conn = space.connect()
    try:
        cursor = conn.cursor()
        cursor.execute("SELECT balance FROM accounts ORDER BY id")
        alice, bob = (row[0] for row in cursor.fetchall())
        return alice, bob
    finally:
        conn.close()


def test_step_by_step_loses_the_debited_money(snippet: ModuleType, space: Any) -> None:
    conn = space.connect()
    with pytest.raises(snippet.Crash):
        snippet.transfer_step_by_step(conn, 1, 2, 30, between=snippet.crash)
    conn.close()
    assert totals(space) == (70, 50), "the debit was committed, the credit never happened"


def test_one_transaction_keeps_both_balances(snippet: ModuleType, space: Any) -> None:
    conn = space.connect()
    with pytest.raises(snippet.Crash):
        snippet.transfer(conn, 1, 2, 30, between=snippet.crash)
    conn.close()
    assert totals(space) == (100, 50)


def test_transfer_without_crash_moves_the_money(snippet: ModuleType, space: Any) -> None:
    conn = space.connect()
    snippet.transfer(conn, 1, 2, 30, between=lambda: None)
    conn.close()
    assert totals(space) == (70, 80)


def test_a_connection_that_dies_mid_transaction_is_rolled_back(
    snippet: ModuleType, space: Any
) -> None:
    """The page says a real crash needs no ROLLBACK: the server undoes what was not committed."""
    conn = space.connect()
    conn.cursor().execute(snippet.DEBIT, (30, 1))
    conn.close()  # gone without COMMIT, as a killed process would be
    assert totals(space) == (100, 50)
