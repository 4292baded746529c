"""Mirrors snippets/devops/rel_backoff.py (and rel_kit/backoff.py): jitter, Retry-After, safety."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import httpx
import pytest

from labkit.clock import FakeClock
from labkit.serve import free_port, serve_in_thread
from snippets.devops.rel_backoff import flaky_app
from snippets.devops.rel_kit.backoff import (
    full_jitter,
    parse_retry_after,
    retry_is_safe,
    send_with_retries,
)

NOW = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def test_full_jitter_stays_under_a_doubling_ceiling() -> None:
    rng = random.Random(1)
    for attempt, ceiling in ((1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (6, 8.0), (20, 8.0)):
        delays = [full_jitter(attempt, base=0.5, cap=8, rng=rng) for _ in range(300)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.9  # the whole range is used, down to 0
        assert min(delays) < ceiling * 0.1


def test_retry_after_both_forms() -> None:
    assert parse_retry_after("120", NOW) == 120
    assert parse_retry_after("Mon, 02 Jun 2025 09:00:30 GMT", NOW) == 30
    assert parse_retry_after("Mon, 02 Jun 2025 08:00:00 GMT", NOW) == 0  # in the past
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after(None, NOW) is None


def test_only_idempotent_or_keyed_requests_are_retried() -> None:
    assert retry_is_safe(httpx.Request("GET", "http://x/books"))
    assert retry_is_safe(httpx.Request("PUT", "http://x/books/1"))
    assert not retry_is_safe(httpx.Request("POST", "http://x/loans"))
    assert not retry_is_safe(httpx.Request("PATCH", "http://x/books/1"))
    assert retry_is_safe(httpx.Request("POST", "http://x/loans", headers={"Idempotency-Key": "k"}))


def test_retries_honour_retry_after_then_succeed() -> None:
    clock, lines = FakeClock(), []
    with serve_in_thread(flaky_app()) as base, httpx.Client(base_url=base) as client:
        response = send_with_retries(client, client.build_request("GET", "/books"),
                                     attempts=5, base=0.5, cap=8, rng=random.Random(7),
                                     sleep=clock.sleep, now=lambda: NOW, log=lines.append)
        assert response.status_code == 200
        assert clock.sleeps[0] == 3.0 and 0 <= clock.sleeps[1] <= 1.0
        unsafe = send_with_retries(client, client.build_request("POST", "/loans"),
                                   attempts=5, base=0.5, cap=8, rng=random.Random(7),
                                   sleep=clock.sleep, now=lambda: NOW, log=lines.append)
        assert unsafe.status_code == 503 and len(clock.sleeps) == 2  # no retry, no wait


def test_gives_up_after_the_last_attempt() -> None:
    clock = FakeClock()
    with serve_in_thread(flaky_app()) as base, httpx.Client(base_url=base) as client:
        response = send_with_retries(client, client.build_request("GET", "/down"),
                                     attempts=3, base=0.5, cap=8, rng=random.Random(7),
                                     sleep=clock.sleep, now=lambda: NOW, log=lambda _: None)
    assert response.status_code == 503 and len(clock.sleeps) == 2


def test_transport_errors_are_raised_after_the_last_attempt() -> None:
    clock = FakeClock()
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with httpx.Client(base_url=closed) as client, pytest.raises(httpx.ConnectError):
        send_with_retries(client, client.build_request("GET", "/"), attempts=3, base=0.1,
                          cap=1, rng=random.Random(1), sleep=clock.sleep,
                          now=lambda: NOW, log=lambda _: None)
    assert len(clock.sleeps) == 2
