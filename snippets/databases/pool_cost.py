"""Measure opening a PostgreSQL connection per request against borrowing one from a pool."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager

import psycopg
from psycopg.conninfo import make_conninfo
from psycopg_pool import ConnectionPool

from labkit import db
from labkit.measure import measured

ENGINES = ("postgresql",)

REQUESTS = 200
"""Sequential requests per run, like one web worker handling one request after another."""


# --8<-- [start:request]
def handle_request(conn: psycopg.Connection, user_id: int) -> int:
    """One short query, as a request would run; returns the serving backend's pid."""
    row = conn.execute("SELECT name, pg_backend_pid() FROM users WHERE id = %s",
                       (user_id,)).fetchone()
    assert row is not None
    return row[1]


# Anything that hands out a connection for a `with` block.
Connect = Callable[[], AbstractContextManager[psycopg.Connection]]


def serve(get_connection: Connect) -> set[int]:
    """Handle REQUESTS requests, each with a connection from `get_connection`."""
    pids = set()
    for number in range(REQUESTS):
        with get_connection() as conn:  # [mark:checkout]
            pids.add(handle_request(conn, number % 100 + 1))
    return pids
# --8<-- [end:request]


def timed(run: Callable[[], set[int]]) -> tuple[float, set[int]]:
    """Best of three runs: (seconds per request, server pids seen in the last run)."""
    best, pids = float("inf"), set()
    for _ in range(3):
        start = time.perf_counter()
        pids = run()
        best = min(best, time.perf_counter() - start)
    return best / REQUESTS, pids


def main() -> None:
    """Serve the same requests both ways; count server processes and compare the time."""
    engine = db.current()
    if engine.name != "postgresql":
        raise SystemExit("this snippet needs PostgreSQL: run it with LAB_ENGINE=postgresql")
    with db.scratch_space() as space:
        conninfo = make_conninfo(engine.url, options=f"-c search_path={space.name}")
        with psycopg.connect(conninfo) as conn:
            conn.execute("CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL)")
            conn.execute("INSERT INTO users SELECT i, 'user ' || i FROM generate_series(1, 100) i")
        # --8<-- [start:compare]
        fresh, fresh_pids = timed(lambda: serve(lambda: psycopg.connect(conninfo)))  # [mark:new]
        with ConnectionPool(conninfo, min_size=2, max_size=4, open=True) as pool:  # [mark:pool]
            pool.wait()  # until min_size connections are open
            pooled, pooled_pids = timed(lambda: serve(pool.connection))
            opened = pool.get_stats()["connections_num"]
        # --8<-- [end:compare]
    # --8<-- [start:report]
    print(f"{REQUESTS} requests, a new connection each:")
    print(f"  server processes that served them: {len(fresh_pids)}")
    print(f"  time per request: {measured(fresh * 1000, unit=' ms', digits=2, at_most=250)}")
    print(f"{REQUESTS} requests through a pool (min_size=2, max_size=4), run 3 times:")
    print(f"  connections the pool opened in all: {opened}")
    print(f"  server processes that served them: {len(pooled_pids)}")
    print(f"  time per request: {measured(pooled * 1000, unit=' ms', digits=2, at_most=25)}")
    print(f"the pool is {measured(fresh / pooled, unit='×', at_least=3)} faster per request")
    # --8<-- [end:report]


if __name__ == "__main__":
    main()
