"""Reference solution: an all-or-nothing transfer, and a retry for busy errors."""

import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

BUSY = ("SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT")


def transfer(conn: sqlite3.Connection, source: int, target: int, amount: int) -> None:
    """Move `amount` from `source` to `target` in one transaction."""
    if amount <= 0:
        raise ValueError(f"amount must be positive, not {amount}")
    try:
        for account, change in ((source, -amount), (target, amount)):
            cursor = conn.execute(
                "UPDATE accounts SET balance = balance + ? WHERE id = ?", (change, account)
            )
            if cursor.rowcount != 1:
                raise LookupError(f"no account {account}")
        conn.commit()
    except BaseException:
        conn.rollback()
        raise


def retry_when_busy(work: Callable[[], T], attempts: int = 3) -> T:
    """Call `work()`, again when SQLite reports it busy, at most `attempts` times."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except sqlite3.OperationalError as error:
            if error.sqlite_errorname not in BUSY or attempt == attempts:
                raise
            time.sleep(0.01 * attempt)
    raise AssertionError("unreachable: the loop returns or raises")
