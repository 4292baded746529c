"""PostgreSQL 15's standard MERGE next to ON CONFLICT, when two sessions add the same new row."""

from __future__ import annotations

import threading
import time
from typing import Any

from labkit import db
from snippets.databases.sql_shop import describe

ENGINES = ("postgresql",)

# --8<-- [start:merge]
MERGE = """
    MERGE INTO stock AS s
    USING (VALUES (%s, %s::integer)) AS v (sku, quantity)
    ON s.sku = v.sku
    WHEN MATCHED THEN UPDATE SET quantity = s.quantity + v.quantity
    WHEN NOT MATCHED THEN INSERT (sku, quantity) VALUES (v.sku, v.quantity)"""
# --8<-- [end:merge]

ON_CONFLICT = """
    INSERT INTO stock (sku, quantity) VALUES (%s, %s)
    ON CONFLICT (sku) DO UPDATE SET quantity = stock.quantity + excluded.quantity"""


def wait_until_blocked(watcher: Any, pid: int, timeout: float = 10.0) -> None:
    """Return once the session `pid` is waiting for a lock (so the race really is on)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = watcher.execute(
            "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (pid,)
        ).fetchone()
        if row and row[0] == "Lock":
            return
        time.sleep(0.02)
    raise TimeoutError(f"session {pid} never blocked")


def race(space: Any, sql: str, sku: str) -> str:
    """Sessions A and B run `sql` for the same new `sku`; B starts before A commits."""
    a, b, watcher = space.connect(), space.connect(), space.connect()
    watcher.autocommit = True
    outcome: list[str] = []

    def session_b() -> None:
        try:
            b.execute(sql, (sku, 1))
            b.commit()
            outcome.append("B added 1")
        except b.Error as error:
            b.rollback()
            outcome.append(f"B failed: {describe(error)}")

    try:
        a.execute(sql, (sku, 1))  # A inserts the row but has not committed yet
        thread = threading.Thread(target=session_b)
        thread.start()
        wait_until_blocked(watcher, b.info.backend_pid)  # B waits on A's new row
        a.commit()
        thread.join()
        (quantity,) = watcher.execute("SELECT quantity FROM stock WHERE sku = %s",
                                      (sku,)).fetchone()
        return f"{outcome[0]}; quantity is now {quantity}"
    finally:
        for conn in (a, b, watcher):
            conn.close()


def main() -> None:
    """Run MERGE once alone, then race it and ON CONFLICT against a concurrent insert."""
    if db.current().name != "postgresql":
        raise SystemExit("MERGE needs PostgreSQL 15 or later: run with LAB_ENGINE=postgresql")
    with db.scratch_space() as space:
        with space.connect() as conn:
            conn.execute("CREATE TABLE stock (sku TEXT PRIMARY KEY, quantity INTEGER NOT NULL)")
            # --8<-- [start:alone]
            for quantity in (5, 3):
                conn.execute(MERGE, ("KB-87", quantity))
            print("MERGE alone, +5 then +3:", conn.execute("SELECT * FROM stock").fetchall())
            # --8<-- [end:alone]
            conn.commit()
        # --8<-- [start:race]
        print("race with ON CONFLICT:", race(space, ON_CONFLICT, "NEW-1"))
        print("race with MERGE:      ", race(space, MERGE, "NEW-2"))
        # --8<-- [end:race]


if __name__ == "__main__":
    main()
