"""Mirrors snippets/databases/tx_retry.py: strict levels refuse a stale write; retrying fixes it."""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from types import ModuleType
from typing import Any

import pytest

from labkit import db
from tests.support import require_server


def load(engine: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    require_server(engine)
    monkeypatch.setenv("LAB_ENGINE", engine)
    import snippets.databases.tx_retry as module

    return importlib.reload(module)


@contextmanager
def connections() -> Iterator[tuple[Any, Any, Any]]:
    """(setup, alice, bob) in a fresh space on the current engine, with one account of 100."""
    with db.scratch_space() as space, ExitStack() as stack:
        setup, alice, bob = (stack.enter_context(closing(space.connect())) for _ in range(3))
        cursor = setup.cursor()
        cursor.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)")
        cursor.execute("INSERT INTO accounts VALUES (1, 100)")
        setup.commit()
        yield setup, alice, bob


def stale_write(snippet: ModuleType, alice: Any, bob: Any, level: str) -> None:
    """Bob reads, Alice withdraws 30 and commits, Bob writes 100 - 20 and commits."""
    for conn in (alice, bob):
        conn.cursor().execute(f"SET TRANSACTION ISOLATION LEVEL {level}")
    seen = snippet.read_balance("bob", bob)
    snippet.write_balance("alice", alice, snippet.read_balance("alice", alice) - 30)
    alice.commit()
    snippet.write_balance("bob", bob, seen - 20)
    bob.commit()


@pytest.mark.parametrize("level", ["REPEATABLE READ", "SERIALIZABLE"])
def test_postgresql_refuses_the_stale_write(
    level: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    snippet = load("postgresql", monkeypatch)
    with connections() as (_, alice, bob):
        with pytest.raises(bob.Error) as caught:
            stale_write(snippet, alice, bob, level)
        assert caught.value.sqlstate == "40001"
        assert snippet.is_retryable(caught.value)


def test_postgresql_read_committed_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    snippet = load("postgresql", monkeypatch)
    with connections() as (setup, alice, bob):
        stale_write(snippet, alice, bob, "READ COMMITTED")
        assert snippet.final_balance(setup) == 80


@pytest.mark.parametrize(("snapshot_isolation", "refused"), [("OFF", False), ("ON", True)])
def test_mariadb_repeatable_read_needs_snapshot_isolation(
    snapshot_isolation: str, refused: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MariaDB 10.11's REPEATABLE READ loses the update unless innodb_snapshot_isolation=ON."""
    snippet = load("mariadb", monkeypatch)
    with connections() as (setup, alice, bob):
        for conn in (alice, bob):
            conn.cursor().execute(
                f"SET SESSION innodb_snapshot_isolation = {snapshot_isolation}"
            )
        if refused:
            with pytest.raises(bob.Error) as caught:
                stale_write(snippet, alice, bob, "REPEATABLE READ")
            assert caught.value.args[0] == 1020 and snippet.is_retryable(caught.value)
            cursor = bob.cursor()
            cursor.execute("SELECT @@in_transaction")
            assert cursor.fetchone()[0] == 0, "error 1020 rolls the whole transaction back"
            bob.rollback()
            assert snippet.final_balance(setup) == 70
        else:
            stale_write(snippet, alice, bob, "REPEATABLE READ")
            assert snippet.final_balance(setup) == 80


@pytest.mark.parametrize("engine", ["postgresql", "mariadb"])
def test_retry_loop_ends_with_the_right_balance(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    snippet = load(engine, monkeypatch)
    with connections() as (setup, alice, bob):
        for level, statements in snippet.SETTINGS[engine]:
            for conn in (alice, bob):
                for statement in statements:
                    conn.cursor().execute(statement)
            snippet.race(alice, bob, level)
            assert snippet.final_balance(setup) == 50
            setup.cursor().execute("UPDATE accounts SET balance = 100")
            setup.commit()


def test_a_constraint_violation_is_not_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    snippet = load("postgresql", monkeypatch)
    import psycopg

    assert not snippet.is_retryable(psycopg.errors.CheckViolation("no"))


def test_mariadb_serializable_turns_the_interleaving_into_a_deadlock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page says: SERIALIZABLE reads take shared locks, so the two writers deadlock."""
    snippet = load("mariadb", monkeypatch)
    with connections() as (setup, alice, bob):
        for conn in (alice, bob):
            conn.cursor().execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")
        alice_sees = snippet.read_balance("alice", alice)  # shared lock
        bob_sees = snippet.read_balance("bob", bob)  # shared lock
        victims: list[str] = []

        def write(who: str, conn: Any, balance: int) -> None:
            try:
                snippet.write_balance(who, conn, balance)
                conn.commit()
            except conn.Error as error:
                assert error.args[0] == 1213, error
                victims.append(who)
                conn.rollback()

        alice_thread = threading.Thread(
            target=write, args=("alice", alice, alice_sees - 30), daemon=True
        )
        alice_thread.start()
        time.sleep(0.5)  # alice now waits for bob's shared lock
        write("bob", bob, bob_sees - 20)
        alice_thread.join(timeout=10)
        assert len(victims) == 1, f"expected one deadlock victim, got {victims}"
        # Whoever survives commits; the victim was told, and would retry.
        expected = {"alice": 80, "bob": 70}[victims[0]]
        assert snippet.final_balance(setup) == expected
