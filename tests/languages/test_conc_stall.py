"""Mirrors snippets/languages/conc_stall.py: CPU work on the loop delays the health check."""

from __future__ import annotations

import httpx

from snippets.languages.conc_kit import servers
from snippets.languages.conc_stall import health_during


def test_health_waits_for_cpu_on_the_loop_but_not_off_it() -> None:
    with servers.uvicorn("snippets.languages.conc_kit.stall_app:app") as port, \
            httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        client.get("/health")
        stalled, report = health_during(client, "/report/on-loop")
        in_process, _ = health_during(client, "/report/in-process")
        in_thread, _ = health_during(client, "/report/to-thread")
        assert client.get("/report/in-process").json() == client.get("/report/on-loop").json()
    assert stalled >= 0.5 * (report - 0.1), "the health check should wait for the report"
    assert in_process < stalled / 3
    assert in_thread < stalled / 3
