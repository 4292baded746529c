"""Prevent the lost update with a stricter isolation level, and retry the transaction it aborts."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import ExitStack, closing
from typing import Any

from labkit import db
from snippets.databases.tx_for_update import describe
from snippets.databases.tx_lost_update import final_balance, read_balance

ENGINES = ("postgresql", "mariadb")

P = db.current().placeholder
# --8<-- [start:settings]
SETTINGS = {  # (isolation level, session statements that go with it)
    "postgresql": [("REPEATABLE READ", []), ("SERIALIZABLE", [])],
    "mariadb": [("REPEATABLE READ", ["SET SESSION innodb_snapshot_isolation = ON"])],
}
# --8<-- [end:settings]



# --8<-- [start:retryable]
def is_retryable(error: Exception) -> bool:
    """True for errors that mean "another transaction got there first: try again"."""
    if getattr(error, "sqlstate", None) in ("40001", "40P01"):  # serialization, deadlock
        return True
    # MariaDB: 1213 = deadlock (SQLSTATE 40001), 1020 = record changed (HY000)
    return bool(error.args) and error.args[0] in (1213, 1020)
# --8<-- [end:retryable]


# --8<-- [start:retry]
def run_with_retry(conn: Any, level: str, work: Callable[[Any, int], None],
                   attempts: int = 5) -> None:
    """Run `work(conn, attempt)` in one transaction at `level`; retry if refused."""
    for attempt in range(1, attempts + 1):
        try:
            conn.cursor().execute(f"SET TRANSACTION ISOLATION LEVEL {level}")
            work(conn, attempt)
            conn.commit()
            return
        except conn.Error as error:
            conn.rollback()  # [mark:rollback]
            if not is_retryable(error) or attempt == attempts:
                raise
            print("    bob: refused:")
            print(f"         {describe(error)}")
            print("    bob: ROLLBACK, and run the whole transaction again")
            time.sleep(0.01 * 2**attempt)  # back off (real code adds random jitter)
# --8<-- [end:retry]



def write_balance(who: str, conn: Any, balance: int) -> None:
    """Write back the value the application computed (the caller commits)."""
    conn.cursor().execute(f"UPDATE accounts SET balance = {P} WHERE id = 1", (balance,))
    print(f"  {who:>5}: UPDATE balance = {balance}")



# --8<-- [start:interleave]
def race(alice: Any, bob: Any, level: str) -> None:
    """Bob withdraws 20; on his first try, Alice withdraws 30 between his read and write."""

    def alice_withdraws(conn: Any, attempt: int) -> None:
        write_balance("alice", conn, read_balance("alice", conn) - 30)

    def bob_withdraws(conn: Any, attempt: int) -> None:
        print(f"    bob: -- attempt {attempt} --")
        seen = read_balance("bob", conn)
        if attempt == 1:  # Alice's whole transaction runs in between, once
            run_with_retry(alice, level, alice_withdraws)
            print("  alice: COMMIT")
        write_balance("bob", conn, seen - 20)

    run_with_retry(bob, level, bob_withdraws)
    print("    bob: COMMIT")
# --8<-- [end:interleave]


def main() -> None:
    """Bob withdraws 20 while Alice withdraws 30 between Bob's read and Bob's write."""
    engine = db.current()
    with db.scratch_space() as space, ExitStack() as open_connections:
        setup, alice, bob = (
            open_connections.enter_context(closing(space.connect())) for _ in range(3)
        )
        setup.cursor().execute(
            "CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)"
        )
        setup.commit()
        for level, statements in SETTINGS[engine.name]:
            setup.cursor().execute("DELETE FROM accounts")
            setup.cursor().execute("INSERT INTO accounts VALUES (1, 100)")
            setup.commit()
            for conn in (alice, bob):
                for statement in statements:
                    conn.cursor().execute(statement)
            print(f"{engine.label}, {'; '.join([level, *statements])}:")

            race(alice, bob, level)
            print(f"  final balance: {final_balance(setup)} (100 - 30 - 20 = 50)")


if __name__ == "__main__":
    main()
