"""Mirrors snippets/databases/pool_cost.py: a pool reuses a few server processes and is faster."""

from __future__ import annotations

import time

import psycopg
import pytest
from psycopg.conninfo import make_conninfo
from psycopg_pool import ConnectionPool

from labkit import db
from snippets.databases import pool_cost as s
from tests.support import require_server


def test_new_connection_per_request_means_a_new_server_process_each_time() -> None:
    require_server("postgresql")
    engine = db.ENGINES["postgresql"]
    with db.scratch_space(engine) as space:
        conninfo = make_conninfo(engine.url, options=f"-c search_path={space.name}")
        with psycopg.connect(conninfo) as conn:
            conn.execute("CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL)")
            conn.execute("INSERT INTO users SELECT i, 'u' || i FROM generate_series(1, 100) i")

        start = time.perf_counter()
        fresh_pids = s.serve(lambda: psycopg.connect(conninfo))
        fresh = time.perf_counter() - start
        assert len(fresh_pids) == s.REQUESTS

        with ConnectionPool(conninfo, min_size=2, max_size=4, open=True) as pool:
            pool.wait()
            start = time.perf_counter()
            pooled_pids = s.serve(pool.connection)
            pooled = time.perf_counter() - start
            stats = pool.get_stats()
        assert len(pooled_pids) <= 2
        assert stats["connections_num"] == 2, stats
        assert stats["requests_num"] == s.REQUESTS, stats
        assert fresh > 2 * pooled, f"no pool: {fresh:.3f} s, pool: {pooled:.3f} s"


def test_main_refuses_to_run_on_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAB_ENGINE", "sqlite")
    try:
        s.main()
    except SystemExit as stop:
        assert "LAB_ENGINE=postgresql" in str(stop)
    else:
        raise AssertionError("pool_cost ran on SQLite")
