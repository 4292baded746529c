"""Mirrors snippets/devops/rel_shutdown.py: SIGTERM drains a real uvicorn process."""

from __future__ import annotations

import signal
import time

import httpx

from snippets.devops.rel_kit.processes import uvicorn_process
from snippets.devops.rel_shutdown import APP, probe, send_slow


def test_sigterm_finishes_in_flight_and_refuses_new() -> None:
    with uvicorn_process(APP, "--factory", env={"REL_DRAIN_SECONDS": "1"}) as server:
        assert httpx.get(f"{server.base_url}/ready").status_code == 200
        requests = send_slow(server, 2, seconds=3)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        assert probe(f"{server.base_url}/ready") == "503"
        assert probe(f"{server.base_url}/books") == "200"
        time.sleep(1.8)
        assert probe(f"{server.base_url}/books") == "connection refused"
        for thread in requests.threads:
            thread.join(30)
        assert requests.results == ["200", "200"]
        assert server.process.wait(timeout=10) == -signal.SIGTERM


def test_sigkill_drops_in_flight_requests() -> None:
    with uvicorn_process(APP, "--factory") as server:
        requests = send_slow(server, 2, seconds=3)
        server.process.send_signal(signal.SIGKILL)
        for thread in requests.threads:
            thread.join(30)
        assert requests.results == ["RemoteProtocolError"] * 2
        assert server.process.wait(timeout=10) == -signal.SIGKILL


def test_graceful_timeout_cancels_what_is_still_running() -> None:
    with uvicorn_process(APP, "--factory", "--timeout-graceful-shutdown", "1") as server:
        requests = send_slow(server, 1, seconds=6)
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=10)
        assert time.monotonic() - started < 4
        for thread in requests.threads:
            thread.join(30)
        assert requests.results == ["500"]
