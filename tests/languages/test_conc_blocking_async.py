"""Mirrors snippets/languages/conc_blocking_async.py: time.sleep in async def serializes."""

from __future__ import annotations

import anyio.to_thread
import httpx

from snippets.languages.conc_kit import servers
from snippets.languages.conc_kit.load import run_load
from snippets.languages.conc_kit.work import DB_WAIT

APP = "snippets.languages.conc_kit.sleepy_app:app"


def test_blocking_in_async_def_serializes_requests() -> None:
    with servers.uvicorn(APP) as port:
        blocked = run_load(port, "/async-blocking", clients=10, requests=10).seconds
        threaded = run_load(port, "/sync-def", clients=10, requests=10).seconds
        awaited = run_load(port, "/async-await", clients=10, requests=10).seconds
    assert blocked >= 10 * DB_WAIT
    assert threaded < 5 * DB_WAIT
    assert awaited < 5 * DB_WAIT


def test_the_threadpool_has_forty_tokens() -> None:
    async def tokens() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    assert anyio.run(tokens) == 40
    with servers.uvicorn(APP) as port:
        assert httpx.get(f"http://127.0.0.1:{port}/threadpool-size").json() == {"tokens": 40}
