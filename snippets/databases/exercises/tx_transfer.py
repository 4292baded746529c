"""A transfer that is all or nothing, and a retry for when SQLite is busy.

The checks give you an open `sqlite3.Connection` (Python's default transaction mode) to a
database file holding this table:

    CREATE TABLE accounts (
        id      INTEGER PRIMARY KEY,
        owner   TEXT NOT NULL,
        balance INTEGER NOT NULL CHECK (balance >= 0)
    )

1. `transfer(conn, source, target, amount)` moves `amount` from account `source` to
    account `target` in one transaction, and commits it. If anything goes wrong, nothing
    changes, the error reaches the caller, and `conn` is left with no open transaction:

    - `amount` of 0 or less: raise `ValueError` before touching the database;
    - an account that does not exist: raise `LookupError` (an UPDATE that matches no
      row is not an error in SQL; look at `cursor.rowcount`);
    - an overdraft: let the CHECK constraint refuse it (`sqlite3.IntegrityError`).

2. `retry_when_busy(work, attempts=3)` calls `work()` and returns what it returns. When
    `work()` raises `sqlite3.OperationalError` whose `sqlite_errorname` is `SQLITE_BUSY`
    or `SQLITE_BUSY_SNAPSHOT` (another connection holds the write lock, or wrote since
    this transaction read), call it again, up to `attempts` calls in all; then let the
    last error through. Any other error goes through at once, untouched.
"""

import sqlite3
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def transfer(conn: sqlite3.Connection, source: int, target: int, amount: int) -> None:
    """Move `amount` from `source` to `target` in one transaction."""
    raise NotImplementedError("write transfer")


def retry_when_busy(work: Callable[[], T], attempts: int = 3) -> T:
    """Call `work()`, again when SQLite reports it busy, at most `attempts` times."""
    raise NotImplementedError("write retry_when_busy")
