"""A lost update, for real: two sessions read, compute and write back the same balance."""

from __future__ import annotations

from contextlib import ExitStack, closing
from typing import Any

from labkit import db

ENGINES = ("postgresql", "mariadb")

# --8<-- [start:level]
LEVEL = {  # the isolation level of the transaction running now
    "postgresql": "SHOW transaction_isolation",
    "mariadb": "SELECT CONCAT(@@tx_isolation, ', innodb_snapshot_isolation=',"
               " IF(@@innodb_snapshot_isolation, 'ON', 'OFF'))",
}
# --8<-- [end:level]
P = db.current().placeholder


def create_account(conn: Any) -> None:
    """One account with a balance of 100."""
    cursor = conn.cursor()
    cursor.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)")
    cursor.execute("INSERT INTO accounts VALUES (1, 100)")
    conn.commit()


def final_balance(conn: Any) -> int:
    """The committed balance, read in a transaction of its own."""
    cursor = conn.cursor()
    cursor.execute("SELECT balance FROM accounts WHERE id = 1")
    (balance,) = cursor.fetchone()
    conn.commit()
    return balance


# --8<-- [start:steps]
def read_balance(who: str, conn: Any) -> int:
    """Step 1 of a read-modify-write: read the balance into the application."""
    cursor = conn.cursor()
    cursor.execute("SELECT balance FROM accounts WHERE id = 1")
    (balance,) = cursor.fetchone()
    print(f"  {who:>5}: SELECT balance -> {balance}")
    return balance


def write_balance(who: str, conn: Any, balance: int) -> None:
    """Step 2: write back the value the application computed, and commit."""
    conn.cursor().execute(f"UPDATE accounts SET balance = {P} WHERE id = 1", (balance,))
    conn.commit()
    print(f"  {who:>5}: UPDATE balance = {balance}; COMMIT")
# --8<-- [end:steps]


def main() -> None:
    """Interleave two withdrawals (30 and 20) from a balance of 100, step by step."""
    engine = db.current()
    with db.scratch_space() as space, ExitStack() as open_connections:
        setup, alice, bob = (
            open_connections.enter_context(closing(space.connect())) for _ in range(3)
        )
        create_account(setup)
        cursor = alice.cursor()
        cursor.execute(LEVEL[engine.name])
        print(f"{engine.label}, isolation level: {cursor.fetchone()[0]}")
        alice.rollback()
        # --8<-- [start:interleave]
        alice_sees = read_balance("alice", alice)
        bob_sees = read_balance("bob", bob)
        write_balance("alice", alice, alice_sees - 30)
        write_balance("bob", bob, bob_sees - 20)  # [mark:overwrite]
        print(f"  final balance: {final_balance(setup)} (100 - 30 - 20 = 50)")
        # --8<-- [end:interleave]


if __name__ == "__main__":
    main()
