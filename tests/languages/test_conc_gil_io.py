"""Mirrors snippets/languages/conc_gil_io.py: blocking waits in threads overlap."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from labkit.serve import serve_in_thread
from snippets.languages.conc_gil_io import fetch_from, nap
from snippets.languages.conc_kit.slow_apps import async_app
from snippets.languages.conc_kit.work import DB_WAIT


def overlapped(wait: object, count: int = 20) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(count) as pool:
        for future in [pool.submit(wait) for _ in range(count)]:  # type: ignore[arg-type]
            future.result()
    return time.perf_counter() - start


def test_sleeps_overlap() -> None:
    assert overlapped(nap) < 5 * DB_WAIT  # serially it would be 20 waits


def test_blocking_socket_reads_overlap() -> None:
    with serve_in_thread(async_app, lifespan="off") as base_url:
        fetch = fetch_from(int(base_url.rsplit(":", 1)[1]))
        assert overlapped(fetch) < 5 * DB_WAIT
