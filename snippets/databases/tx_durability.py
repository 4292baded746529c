"""Durability: the settings that decide when COMMIT is safe, and what relaxing them buys."""

from __future__ import annotations

import time
from typing import Any

from labkit import db
from labkit.measure import measured

ENGINES = ("sqlite", "postgresql", "mariadb")

# --8<-- [start:settings]
SETTINGS = {
    "postgresql": [
        "SHOW synchronous_commit",  # COMMIT waits until the WAL is on disk
        "SHOW fsync",  # really flush (off = a crash can corrupt the cluster)
        "SHOW wal_level",
        "SHOW full_page_writes",
    ],
    "mariadb": [
        "SELECT @@innodb_flush_log_at_trx_commit",  # 1 = flush the redo log per commit
        "SELECT @@innodb_doublewrite",
        "SELECT @@log_bin",
        "SELECT @@sync_binlog",
    ],
    "sqlite": [
        "PRAGMA journal_mode",  # delete = rollback journal, wal = write-ahead log
        "PRAGMA synchronous",  # 2 = FULL, 1 = NORMAL, 0 = OFF
    ],
}
# --8<-- [end:settings]

# --8<-- [start:relaxed]
RELAXED = {  # per-connection ways to trade durability for speed
    "postgresql": ["SET synchronous_commit = off"],
    "sqlite": ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"],
    # MariaDB: innodb_flush_log_at_trx_commit is global; a shared server keeps it
}
# --8<-- [end:relaxed]


def show_settings(conn: Any, engine: str) -> None:
    """Print each durability setting as the engine reports it."""
    cursor = conn.cursor()
    for query in SETTINGS[engine]:
        cursor.execute(query)
        print(f"  {query:<42} -> {cursor.fetchone()[0]}")
    conn.commit()


# --8<-- [start:commit-many]
COMMIT_MANY = """
CREATE PROCEDURE commit_many(n integer) LANGUAGE plpgsql AS $$
BEGIN
    FOR i IN 1..n LOOP
        INSERT INTO events VALUES ('paid');
        COMMIT;
    END LOOP;
END $$"""


def commit_many(conn: Any, commits: int) -> None:
    """Run `commits` one-row transactions, each committed on its own.

    On PostgreSQL a procedure does the loop, so that network round trips do not hide
    the cost of the flush; SQLite runs in this process and has no round trips.
    """
    if db.current().name == "postgresql":
        conn.execute(f"CALL commit_many({commits})")
        return
    for _ in range(commits):
        conn.execute("INSERT INTO events VALUES ('paid')")
        conn.commit()
# --8<-- [end:commit-many]


def seconds_per_commit(conn: Any, commits: int = 100, rounds: int = 3) -> float:
    """The best of a few rounds of `commit_many`, in seconds per commit."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        commit_many(conn, commits)
        best = min(best, (time.perf_counter() - start) / commits)
    return best


def main() -> None:
    """Show the settings, then time small commits with and without a flush per commit."""
    engine = db.current().name
    with db.scratch() as conn:
        print(f"{db.current().label}, as configured:")
        show_settings(conn, engine)
        if engine not in RELAXED:
            print("  (no per-connection switch: the commit cost is not measured here)")
            return
        if engine == "postgresql":
            conn.autocommit = True  # CALL may only COMMIT outside a transaction block
            conn.execute(COMMIT_MANY)
        conn.cursor().execute("CREATE TABLE events (note VARCHAR(20))")
        conn.commit()
        # --8<-- [start:measure]
        durable = seconds_per_commit(conn)
        for statement in RELAXED[engine]:
            conn.cursor().execute(statement)
        print("after:", "; ".join(RELAXED[engine]))
        show_settings(conn, engine)
        relaxed = seconds_per_commit(conn)
        speedup = measured(durable / relaxed, unit="×", at_least=3)  # [mark:claim]
        print(f"one-row commits, relaxed vs durable: {speedup} faster")
        # --8<-- [end:measure]


if __name__ == "__main__":
    main()
