"""Atomicity: a transfer that crashes half-way, with and without a transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")


class Crash(RuntimeError):
    """Stands in for whatever stops a request half-way: a bug, a timeout, a killed process."""


def create_accounts(conn: Any) -> None:
    """Two accounts: alice has 100, bob has 50."""
    cursor = conn.cursor()
    cursor.execute(
        "CREATE TABLE accounts ("
        " id INTEGER PRIMARY KEY, owner VARCHAR(20) NOT NULL, balance INTEGER NOT NULL)"
    )
    cursor.execute("INSERT INTO accounts VALUES (1, 'alice', 100), (2, 'bob', 50)")
    conn.commit()


def reset_balances(conn: Any) -> None:
    """Put the balances back to 100 and 50 for the next attempt."""
    conn.cursor().execute("UPDATE accounts SET balance = CASE id WHEN 1 THEN 100 ELSE 50 END")
    conn.commit()


def balances(conn: Any) -> str:
    """Both balances and their total, read in a transaction of their own."""
    cursor = conn.cursor()
    cursor.execute("SELECT owner, balance FROM accounts ORDER BY id")
    rows = cursor.fetchall()
    conn.commit()
    shown = ", ".join(f"{owner}={balance}" for owner, balance in rows)
    return f"{shown} (total {sum(balance for _, balance in rows)})"


def crash() -> None:
    """The process dies between the debit and the credit."""
    raise Crash("the process died between the debit and the credit")


# --8<-- [start:statements]
P = db.current().placeholder  # `?` for sqlite3, `%s` for psycopg and PyMySQL
DEBIT = f"UPDATE accounts SET balance = balance - {P} WHERE id = {P}"
CREDIT = f"UPDATE accounts SET balance = balance + {P} WHERE id = {P}"
# --8<-- [end:statements]


# --8<-- [start:unsafe]
def transfer_step_by_step(
    conn: Any, source: int, target: int, amount: int, between: Callable[[], None]
) -> None:
    """Debit, commit, credit, commit: each step is final the moment it is committed."""
    cursor = conn.cursor()
    cursor.execute(DEBIT, (amount, source))
    conn.commit()  # [mark:early-commit]
    between()
    cursor.execute(CREDIT, (amount, target))
    conn.commit()
# --8<-- [end:unsafe]


# --8<-- [start:safe]
def transfer(
    conn: Any, source: int, target: int, amount: int, between: Callable[[], None]
) -> None:
    """Debit and credit in one transaction: both happen, or neither does."""
    cursor = conn.cursor()
    try:
        cursor.execute(DEBIT, (amount, source))
        between()
        cursor.execute(CREDIT, (amount, target))
        conn.commit()  # [mark:commit]
    except BaseException:
        conn.rollback()  # [mark:rollback]
        raise
# --8<-- [end:safe]


def main() -> None:
    """Crash the same transfer twice: committed step by step, then as one transaction."""
    # --8<-- [start:main]
    with db.scratch() as conn:
        create_accounts(conn)
        for attempt in (transfer_step_by_step, transfer):
            print(f"{attempt.__name__}: move 30 from alice to bob")
            print(f"  before: {balances(conn)}")
            try:
                attempt(conn, 1, 2, 30, between=crash)
            except Crash as error:
                print(f"  Crash: {error}")
            print(f"  after:  {balances(conn)}")
            reset_balances(conn)
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
