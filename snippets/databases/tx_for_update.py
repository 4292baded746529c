"""Prevent the lost update with SELECT ... FOR UPDATE: the second session waits its turn."""

from __future__ import annotations

import random
import threading
import time
from contextlib import ExitStack, closing
from typing import Any

from labkit import db

ENGINES = ("postgresql", "mariadb")

P = db.current().placeholder
SESSION_ID = {"postgresql": "SELECT pg_backend_pid()", "mariadb": "SELECT CONNECTION_ID()"}
# --8<-- [start:waiting]
WAITING = {  # what the server says a session is doing while it waits for a row lock
    "postgresql": "SELECT wait_event_type || ' / ' || wait_event"
                  " FROM pg_stat_activity WHERE pid = %s",
    "mariadb": "SELECT trx_state FROM information_schema.INNODB_TRX"
               " WHERE trx_mysql_thread_id = %s",
}
# --8<-- [end:waiting]


def create_account(conn: Any) -> None:
    """One account with a balance of 100."""
    cursor = conn.cursor()
    cursor.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)")
    cursor.execute("INSERT INTO accounts VALUES (1, 100)")
    conn.commit()


def one_value(conn: Any, query: str, params: tuple[Any, ...] = ()) -> Any:
    """Run a query that returns one value, and return it (None if no row)."""
    cursor = conn.cursor()
    cursor.execute(query, params)
    row = cursor.fetchone()
    return row[0] if row else None


# --8<-- [start:withdraw]
def withdraw(conn: Any, amount: int) -> tuple[int, int]:
    """Lock the row, read it, write the new balance, commit; return (seen, written)."""
    cursor = conn.cursor()
    cursor.execute("SELECT balance FROM accounts WHERE id = 1 FOR UPDATE")  # [mark:lock]
    (balance,) = cursor.fetchone()
    cursor.execute(f"UPDATE accounts SET balance = {P} WHERE id = 1", (balance - amount,))
    conn.commit()  # releases the lock
    return balance, balance - amount
# --8<-- [end:withdraw]


def describe(error: Exception) -> str:
    """An error's class, SQLSTATE and message (with MariaDB's error number too)."""
    sqlstate = getattr(error, "sqlstate", None)
    if error.args and isinstance(error.args[0], int):  # PyMySQL: (error number, message)
        number, message = error.args
        return f"{type(error).__name__} (SQLSTATE {sqlstate}, error {number}): {message}"
    return f"{type(error).__name__} (SQLSTATE {sqlstate}): {error}"


def autocommit(conn: Any) -> None:
    """Let each statement commit on its own (psycopg: a property; PyMySQL: a method)."""
    if db.current().name == "postgresql":
        conn.autocommit = True
    else:
        conn.autocommit(True)


def wait_until_blocked(observer: Any, session: int, timeout: float = 10.0) -> str:
    """Poll until the server reports `session` waiting for a lock; return what it says."""
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = one_value(observer, WAITING[db.current().name], (session,))
        if state and ("Lock" in state or "LOCK WAIT" in state):
            return state
        # InnoDB refreshes INNODB_TRX only after 0.1 s without a reader: poll slowly,
        # at uneven intervals, so that other pollers can't keep it stale either
        time.sleep(random.uniform(0.2, 0.4))
    raise TimeoutError(f"session {session} never waited for a lock (last state: {state!r})")


def main() -> None:
    """Alice locks the row first; Bob, in a thread, has to wait until she commits."""
    engine = db.current()
    with db.scratch_space() as space, ExitStack() as open_connections:
        observer, alice, bob = (
            open_connections.enter_context(closing(space.connect())) for _ in range(3)
        )
        autocommit(observer)
        create_account(observer)
        bob_id = one_value(bob, SESSION_ID[engine.name])
        bob.commit()
        print(f"{engine.label}:")
        # --8<-- [start:race]
        alice_sees = one_value(alice, "SELECT balance FROM accounts WHERE id = 1 FOR UPDATE")
        print(f"  alice: SELECT ... FOR UPDATE -> {alice_sees} (row locked)")
        result: list[tuple[int, int]] = []
        bob_thread = threading.Thread(
            target=lambda: result.append(withdraw(bob, 20)), daemon=True
        )
        bob_thread.start()
        state = wait_until_blocked(observer, bob_id)  # [mark:blocked]
        print(f"    bob: SELECT ... FOR UPDATE -> waiting ({state})")
        alice.cursor().execute(
            f"UPDATE accounts SET balance = {P} WHERE id = 1", (alice_sees - 30,)
        )
        alice.commit()
        print(f"  alice: UPDATE balance = {alice_sees - 30}; COMMIT")
        bob_thread.join(timeout=10)
        bob_saw, bob_wrote = result[0]
        print(f"    bob: ... gets the row -> {bob_saw}; UPDATE balance = {bob_wrote}; COMMIT")
        print(f"  final balance: {one_value(observer, 'SELECT balance FROM accounts')}")
        # --8<-- [end:race]

        print("A session that would rather fail than wait:")
        # --8<-- [start:nowait]
        alice_sees = one_value(alice, "SELECT balance FROM accounts WHERE id = 1 FOR UPDATE")
        print(f"  alice: SELECT ... FOR UPDATE -> {alice_sees} (row locked)")
        try:
            one_value(bob, "SELECT balance FROM accounts WHERE id = 1 FOR UPDATE NOWAIT")
        except bob.OperationalError as error:  # [mark:nowait-error]
            print("    bob: ... FOR UPDATE NOWAIT -> refused at once:")
            print(f"         {describe(error)}")
            bob.rollback()
        alice.rollback()
        # --8<-- [end:nowait]


if __name__ == "__main__":
    main()
