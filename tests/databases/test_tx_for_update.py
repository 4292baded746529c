"""Mirrors snippets/databases/tx_for_update.py: FOR UPDATE makes the second session wait."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator
from contextlib import ExitStack, closing
from types import ModuleType
from typing import Any

import pytest

from labkit import db

NOWAIT_ERROR = {"postgresql": "55P03", "mariadb": 1205}


@pytest.fixture
def snippet(server_engine: str) -> ModuleType:
    """The snippet module, reloaded so it reads the engine chosen by `server_engine`."""
    import snippets.databases.tx_for_update as module

    return importlib.reload(module)


@pytest.fixture
def sessions(snippet: ModuleType) -> Iterator[tuple[Any, Any, Any]]:
    """(observer in autocommit, alice, bob), with one account of 100."""
    with db.scratch_space() as space, ExitStack() as stack:
        observer, alice, bob = (
            stack.enter_context(closing(space.connect())) for _ in range(3)
        )
        snippet.autocommit(observer)
        snippet.create_account(observer)
        yield observer, alice, bob


def test_bob_waits_then_sees_alices_commit(
    snippet: ModuleType, sessions: tuple[Any, Any, Any]
) -> None:
    observer, alice, bob = sessions
    bob_id = snippet.one_value(bob, snippet.SESSION_ID[db.current().name])
    bob.commit()
    seen = snippet.one_value(alice, "SELECT balance FROM accounts WHERE id = 1 FOR UPDATE")
    result: list[tuple[int, int]] = []
    thread = threading.Thread(target=lambda: result.append(snippet.withdraw(bob, 20)),
                              daemon=True)
    thread.start()
    snippet.wait_until_blocked(observer, bob_id)  # raises if bob never waits
    assert not result, "bob finished while alice still held the lock"
    alice.cursor().execute("UPDATE accounts SET balance = %s WHERE id = 1", (seen - 30,))
    alice.commit()
    thread.join(timeout=10)
    assert result == [(70, 50)], "bob read alice's committed 70, not the stale 100"
    assert snippet.one_value(observer, "SELECT balance FROM accounts") == 50


def test_nowait_fails_at_once(snippet: ModuleType, sessions: tuple[Any, Any, Any]) -> None:
    _, alice, bob = sessions
    snippet.one_value(alice, "SELECT balance FROM accounts WHERE id = 1 FOR UPDATE")
    with pytest.raises(bob.OperationalError) as caught:
        snippet.one_value(bob, "SELECT balance FROM accounts WHERE id = 1 FOR UPDATE NOWAIT")
    expected = NOWAIT_ERROR[db.current().name]
    assert expected in (caught.value.sqlstate, caught.value.args[0])
    bob.rollback()
    alice.rollback()
