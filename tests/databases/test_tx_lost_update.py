"""Mirrors snippets/databases/tx_lost_update.py: read-modify-write loses an update by default."""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing
from types import ModuleType
from typing import Any

import pytest

from labkit import db


@pytest.fixture
def snippet(server_engine: str) -> ModuleType:
    """The snippet module, reloaded so it reads the engine chosen by `server_engine`."""
    import snippets.databases.tx_lost_update as module

    return importlib.reload(module)


@pytest.fixture
def sessions(snippet: ModuleType) -> Iterator[tuple[Any, Any, Any]]:
    """(setup, alice, bob): three connections to a space holding one account of 100."""
    with db.scratch_space() as space, ExitStack() as stack:
        setup, alice, bob = (stack.enter_context(closing(space.connect())) for _ in range(3))
        snippet.create_account(setup)
        yield setup, alice, bob


def test_the_interleaving_loses_alices_withdrawal(
    snippet: ModuleType, sessions: tuple[Any, Any, Any]
) -> None:
    setup, alice, bob = sessions
    alice_sees = snippet.read_balance("alice", alice)
    bob_sees = snippet.read_balance("bob", bob)
    snippet.write_balance("alice", alice, alice_sees - 30)
    snippet.write_balance("bob", bob, bob_sees - 20)
    assert snippet.final_balance(setup) == 80, "the default level lets the update get lost"


def test_one_after_the_other_nothing_is_lost(
    snippet: ModuleType, sessions: tuple[Any, Any, Any]
) -> None:
    setup, alice, bob = sessions
    snippet.write_balance("alice", alice, snippet.read_balance("alice", alice) - 30)
    snippet.write_balance("bob", bob, snippet.read_balance("bob", bob) - 20)
    assert snippet.final_balance(setup) == 50


def test_relative_updates_wait_and_lose_nothing(
    snippet: ModuleType, sessions: tuple[Any, Any, Any]
) -> None:
    """The page's third fix: `SET balance = balance - x` waits for the row, then re-reads it."""
    setup, alice, bob = sessions
    withdraw = f"UPDATE accounts SET balance = balance - {snippet.P} WHERE id = 1"
    alice.cursor().execute(withdraw, (30,))  # row locked, not committed
    done = threading.Event()

    def bob_withdraws() -> None:
        bob.cursor().execute(withdraw, (20,))
        bob.commit()
        done.set()

    thread = threading.Thread(target=bob_withdraws, daemon=True)
    thread.start()
    time.sleep(0.5)
    assert not done.is_set(), "bob's UPDATE should wait for alice's row lock"
    alice.commit()
    thread.join(timeout=10)
    assert done.is_set()
    assert snippet.final_balance(setup) == 50


@pytest.mark.parametrize("server_engine", ["postgresql"], indirect=True)
def test_postgresql_stricter_levels_refuse_the_waiting_relative_update(
    snippet: ModuleType, sessions: tuple[Any, Any, Any]
) -> None:
    """The page says the relative UPDATE is safe at the default level; at PostgreSQL's
    REPEATABLE READ the waiting UPDATE is refused with 40001 instead, and must be retried."""
    setup, alice, bob = sessions
    withdraw = "UPDATE accounts SET balance = balance - %s WHERE id = 1"
    for conn in (alice, bob):
        conn.cursor().execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    alice.cursor().execute(withdraw, (30,))  # row locked, not committed
    errors: list[str | None] = []

    def bob_withdraws() -> None:
        try:
            bob.cursor().execute(withdraw, (20,))
            bob.commit()
            errors.append(None)
        except bob.Error as error:
            errors.append(getattr(error, "sqlstate", None))
            bob.rollback()

    thread = threading.Thread(target=bob_withdraws, daemon=True)
    thread.start()
    time.sleep(0.5)
    alice.commit()
    thread.join(timeout=10)
    assert errors == ["40001"], "bob's UPDATE should be refused as a serialization failure"
    assert snippet.final_balance(setup) == 70
