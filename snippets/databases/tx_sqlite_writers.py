"""SQLite and the lost update: Python's default mode, BEGIN, and BEGIN IMMEDIATE."""

from __future__ import annotations

import sqlite3
from contextlib import ExitStack, closing

from labkit import db


def read_balance(who: str, conn: sqlite3.Connection) -> int:
    """Read the balance, and say whether a transaction is open while doing it."""
    (balance,) = conn.execute("SELECT balance FROM accounts WHERE id = 1").fetchone()
    print(f"  {who:>5}: SELECT balance -> {balance} (in a transaction: {conn.in_transaction})")
    return balance


def write_balance(who: str, conn: sqlite3.Connection, balance: int) -> None:
    """Write back the computed balance and commit."""
    conn.execute("UPDATE accounts SET balance = ? WHERE id = 1", (balance,))
    conn.commit()
    print(f"  {who:>5}: UPDATE balance = {balance}; COMMIT")


def refused(who: str, conn: sqlite3.Connection, error: sqlite3.OperationalError) -> None:
    """Report a refusal with SQLite's own error name, and roll back what is open."""
    print(f"  {who:>5}: refused: {error} ({error.sqlite_errorname})")
    if conn.in_transaction:
        conn.rollback()


def begin(who: str, conn: sqlite3.Connection, statement: str) -> None:
    """Open a transaction explicitly."""
    conn.execute(statement)
    print(f"  {who:>5}: {statement}")


def main() -> None:
    """Run the same two withdrawals three ways on one SQLite file in WAL mode."""
    with db.scratch_space() as space, ExitStack() as open_connections:
        alice, bob = (open_connections.enter_context(closing(space.connect())) for _ in "ab")
        alice.execute("PRAGMA journal_mode = WAL")
        alice.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER)")
        alice.execute("INSERT INTO accounts VALUES (1, 100)")
        alice.commit()
        for conn in (alice, bob):
            conn.execute("PRAGMA busy_timeout = 0")  # fail at once instead of waiting 5 s

        def reset() -> None:
            alice.execute("UPDATE accounts SET balance = 100")
            alice.commit()

        def final() -> None:
            (balance,) = alice.execute("SELECT balance FROM accounts").fetchone()
            print(f"  final balance: {balance} (100 - 30 - 20 = 50)")

        print("1. Python's default: a transaction opens only at the first UPDATE")
        # --8<-- [start:default]
        alice_sees = read_balance("alice", alice)
        bob_sees = read_balance("bob", bob)
        write_balance("alice", alice, alice_sees - 30)
        write_balance("bob", bob, bob_sees - 20)
        # --8<-- [end:default]
        final()

        reset()
        for conn in (alice, bob):
            conn.isolation_level = None  # we send BEGIN and COMMIT ourselves from here on
        print("2. BEGIN before reading: SQLite refuses the write based on a stale read")
        # --8<-- [start:deferred]
        begin("alice", alice, "BEGIN")
        begin("bob", bob, "BEGIN")
        alice_sees = read_balance("alice", alice)
        bob_sees = read_balance("bob", bob)
        write_balance("alice", alice, alice_sees - 30)
        try:
            write_balance("bob", bob, bob_sees - 20)
        except sqlite3.OperationalError as error:
            refused("bob", bob, error)  # [mark:busy-snapshot]
            begin("bob", bob, "BEGIN")  # retry the whole transaction
            write_balance("bob", bob, read_balance("bob", bob) - 20)
        # --8<-- [end:deferred]
        final()

        reset()
        print("3. BEGIN IMMEDIATE: take the write lock before reading")
        # --8<-- [start:immediate]
        begin("alice", alice, "BEGIN IMMEDIATE")
        try:
            begin("bob", bob, "BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            refused("bob", bob, error)  # [mark:busy]
        write_balance("alice", alice, read_balance("alice", alice) - 30)
        begin("bob", bob, "BEGIN IMMEDIATE")  # now the lock is free
        write_balance("bob", bob, read_balance("bob", bob) - 20)
        # --8<-- [end:immediate]
        final()


if __name__ == "__main__":
    main()
