"""Mirrors snippets/devops/rel_timeouts.py: no timeout hangs, timeouts fail fast, deadlines."""

from __future__ import annotations

import contextlib
import threading
import time

import httpx
import pytest

from labkit.clock import FakeClock
from labkit.serve import serve_in_thread
from snippets.devops.rel_kit.deadline import Deadline, DeadlineExceeded
from snippets.devops.rel_kit.slowdeps import misbehaving_server
from snippets.devops.rel_timeouts import downstream_app


def test_no_timeout_waits_until_the_server_lets_go() -> None:
    done = threading.Event()
    with misbehaving_server() as url:
        def call() -> None:
            with contextlib.suppress(httpx.HTTPError):
                httpx.get(url, timeout=None)
            done.set()

        thread = threading.Thread(target=call)
        thread.start()
        assert not done.wait(1.0), "a call without a timeout must still be waiting"
    thread.join(5)
    assert done.is_set()


def test_read_timeout_fails_fast() -> None:
    with misbehaving_server() as url:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            httpx.get(url, timeout=httpx.Timeout(1.0, read=0.3))
        assert time.monotonic() - started < 1.5


def test_trickle_beats_read_timeout() -> None:
    with misbehaving_server(trickle=0.1) as url:
        response = httpx.get(url, timeout=httpx.Timeout(0.5))
        assert response.status_code == 200 and response.content == b"." * 10


def test_deadline_shrinks_and_expires() -> None:
    clock = FakeClock()
    deadline = Deadline(1.0, clock=clock)
    clock.advance(0.4)
    assert deadline.remaining() == pytest.approx(0.6)
    assert deadline.timeout().read == pytest.approx(0.6)
    assert deadline.header() == {"X-Budget-Ms": "600"}
    clock.advance(0.6)
    with pytest.raises(DeadlineExceeded):
        deadline.remaining()


def test_downstream_refuses_a_budget_too_small() -> None:
    started: list[float] = []
    with serve_in_thread(downstream_app(started)) as base:
        refused = httpx.get(f"{base}/recommendations", params={"cost": 2},
                            headers={"X-Budget-Ms": "500"})
        assert refused.status_code == 504 and started == []
        done = httpx.get(f"{base}/recommendations", params={"cost": 0.05},
                         headers={"X-Budget-Ms": "500"})
        assert done.status_code == 200 and started == [0.05]
