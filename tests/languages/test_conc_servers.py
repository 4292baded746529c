"""Mirrors snippets/languages/conc_servers.py: a fixed pool caps throughput; one loop does not."""

from __future__ import annotations

from snippets.languages.conc_kit import servers
from snippets.languages.conc_kit.load import run_load
from snippets.languages.conc_kit.slow_apps import blocking_app
from snippets.languages.conc_kit.work import DB_WAIT

APP = "snippets.languages.conc_kit.slow_apps"


def test_pool_workers_serve_one_request_each_at_a_time() -> None:
    with servers.blocking_server(blocking_app, workers=2) as port:
        load = run_load(port, "/", clients=10, requests=10)
    # 2 workers, 10 requests of DB_WAIT each: at least 5 waits one after another
    assert load.seconds >= 5 * DB_WAIT
    assert load.per_second <= 2 / DB_WAIT


def test_the_event_loop_overlaps_every_wait() -> None:
    with servers.uvicorn(f"{APP}:async_app", "--lifespan", "off") as port:
        load = run_load(port, "/", clients=40, requests=40)
    assert load.seconds < 5 * DB_WAIT
    assert min(load.latencies) >= DB_WAIT
