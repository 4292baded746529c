"""Hidden checks for the tx_transfer exercise.

Each check builds its own database file in a temporary folder and looks at the balances
from a second connection, so only committed changes count.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import ModuleType

SCHEMA = """
CREATE TABLE accounts (
    id      INTEGER PRIMARY KEY,
    owner   TEXT NOT NULL,
    balance INTEGER NOT NULL CHECK (balance >= 0)
)"""


@contextmanager
def bank() -> Iterator[tuple[sqlite3.Connection, Callable[[], dict[int, int]]]]:
    """A connection to a fresh bank (alice 100, bob 50) and a function that reads it afresh."""
    with tempfile.TemporaryDirectory(prefix="tx-transfer-") as folder:
        path = Path(folder) / "bank.db"
        conn = sqlite3.connect(path, timeout=0)
        conn.execute(SCHEMA)
        conn.execute("INSERT INTO accounts VALUES (1, 'alice', 100), (2, 'bob', 50)")
        conn.commit()

        def committed() -> dict[int, int]:
            other = sqlite3.connect(path, timeout=0)
            try:
                return dict(other.execute("SELECT id, balance FROM accounts").fetchall())
            finally:
                other.close()

        try:
            yield conn, committed
        finally:
            conn.close()


def check_moves_money(module: ModuleType) -> None:
    """transfer moves the money and commits it (another connection sees it)."""
    with bank() as (conn, committed):
        module.transfer(conn, 1, 2, 30)
        assert committed() == {1: 70, 2: 80}, (
            f"after transfer(conn, 1, 2, 30) another connection sees {committed()}; "
            "expected {1: 70, 2: 80}. Did you commit?"
        )


def check_rejects_non_positive_amounts(module: ModuleType) -> None:
    """transfer raises ValueError for 0 or a negative amount, and changes nothing."""
    with bank() as (conn, committed):
        for amount in (0, -5):
            try:
                module.transfer(conn, 1, 2, amount)
            except ValueError:
                pass
            else:
                raise AssertionError(f"transfer(conn, 1, 2, {amount}) should raise ValueError")
        assert committed() == {1: 100, 2: 50}, f"balances changed to {committed()}"


def check_unknown_account(module: ModuleType) -> None:
    """transfer to a missing account raises LookupError and keeps the debit from happening."""
    with bank() as (conn, committed):
        try:
            module.transfer(conn, 1, 99, 30)
        except LookupError:
            pass
        else:
            raise AssertionError("transfer(conn, 1, 99, 30) should raise LookupError: "
                                 "account 99 does not exist (check cursor.rowcount)")
        assert not conn.in_transaction, "roll back: the connection is still in a transaction"
        assert committed() == {1: 100, 2: 50}, f"alice was debited anyway: {committed()}"
        mine = dict(conn.execute("SELECT id, balance FROM accounts").fetchall())
        assert mine == {1: 100, 2: 50}, f"your own connection still sees {mine}: roll back"


def check_overdraft_refused(module: ModuleType) -> None:
    """An overdraft raises sqlite3.IntegrityError (the CHECK) and changes nothing."""
    with bank() as (conn, committed):
        try:
            module.transfer(conn, 2, 1, 80)
        except sqlite3.IntegrityError:
            pass
        else:
            raise AssertionError("bob has 50: transfer(conn, 2, 1, 80) should raise "
                                 "sqlite3.IntegrityError from the CHECK constraint")
        assert not conn.in_transaction, "roll back: the connection is still in a transaction"
        assert committed() == {1: 100, 2: 50}, f"balances changed to {committed()}"


def check_usable_after_a_failure(module: ModuleType) -> None:
    """After a refused transfer, the same connection can make a good one."""
    with bank() as (conn, committed):
        with suppress(sqlite3.IntegrityError):
            module.transfer(conn, 2, 1, 500)
        module.transfer(conn, 2, 1, 50)
        assert committed() == {1: 150, 2: 0}, f"expected {{1: 150, 2: 0}}, got {committed()}"


def check_retries_busy(module: ModuleType) -> None:
    """retry_when_busy calls work() again after real SQLITE_BUSY errors."""
    with bank() as (conn, _):
        holder = sqlite3.connect(conn.execute("PRAGMA database_list").fetchone()[2],
                                 isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # holds the write lock
        calls = []

        def work() -> str:
            calls.append(1)
            if len(calls) == 3:
                holder.execute("COMMIT")  # the first two calls find the lock taken
            conn.execute("UPDATE accounts SET balance = balance + 1 WHERE id = 1")
            conn.commit()
            return "done"

        try:
            result = module.retry_when_busy(work, attempts=3)
        finally:
            holder.close()
        assert result == "done", f"retry_when_busy should return work()'s result, got {result!r}"
        assert len(calls) == 3, f"work() ran {len(calls)} times; expected 3 (2 busy, 1 good)"


def check_gives_up(module: ModuleType) -> None:
    """retry_when_busy stops after `attempts` calls and lets the busy error through."""
    calls = []

    def always_busy() -> None:
        calls.append(1)
        error = sqlite3.OperationalError("database is locked")
        error.sqlite_errorname = "SQLITE_BUSY"
        raise error

    try:
        module.retry_when_busy(always_busy, attempts=4)
    except sqlite3.OperationalError:
        pass
    else:
        raise AssertionError("retry_when_busy should raise the last busy error")
    assert len(calls) == 4, f"work() ran {len(calls)} times with attempts=4"


def check_other_errors_pass_through(module: ModuleType) -> None:
    """retry_when_busy does not retry other errors, such as a CHECK violation."""
    calls = []

    def overdraft() -> None:
        calls.append(1)
        raise sqlite3.IntegrityError("CHECK constraint failed")

    try:
        module.retry_when_busy(overdraft, attempts=3)
    except sqlite3.IntegrityError:
        pass
    else:
        raise AssertionError("retry_when_busy swallowed an IntegrityError")
    assert len(calls) == 1, f"an IntegrityError was retried: work() ran {len(calls)} times"
