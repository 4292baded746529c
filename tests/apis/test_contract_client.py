"""Mirrors snippets/apis/contract_client.py: what is retried, how long it waits, when it stops."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from labkit.serve import serve_in_thread
from snippets.apis import contract_client as snippet


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with serve_in_thread(snippet.unreliable_library()) as base_url, \
            httpx.Client(base_url=base_url, timeout=snippet.CLIENT_TIMEOUT) as client:
        yield client


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2025, 6, 1, 12, 0, 0, tzinfo=UTC)
    assert snippet.retry_after_seconds("120", now) == 120.0
    assert snippet.retry_after_seconds("Sun, 01 Jun 2025 12:00:30 GMT", now) == 30.0
    assert snippet.retry_after_seconds("Sun, 01 Jun 2025 11:00:00 GMT", now) == 0.0
    assert snippet.retry_after_seconds(None, now) is None
    assert snippet.retry_after_seconds("soon", now) is None


def test_backoff_is_jittered_and_capped() -> None:
    rng = random.Random(1)
    waits = [snippet.backoff(3, rng, base=0.1, cap=0.5) for _ in range(200)]
    assert all(0 <= w <= 0.5 for w in waits)
    assert len(set(waits)) == 200, "full jitter gives a different wait each time"


def test_idempotent_get_is_retried_until_it_succeeds(client: httpx.Client) -> None:
    log: list[str] = []
    response = snippet.send(client, "GET", "/books/7", rng=random.Random(0), log=log)
    assert response.status_code == 200
    assert log == ["attempt 1: 503", "attempt 2: 429", "attempt 3: 200"]


def test_post_is_never_retried(client: httpx.Client) -> None:
    log: list[str] = []
    response = snippet.send(client, "POST", "/books/7/loans", rng=random.Random(0), log=log)
    assert response.status_code == 503
    assert log == ["attempt 1: 503"]


def test_read_timeout_is_retried_then_raised(client: httpx.Client) -> None:
    log: list[str] = []
    with pytest.raises(httpx.ReadTimeout):
        snippet.send(client, "GET", "/slow", rng=random.Random(0), log=log)
    assert log == [f"attempt {n}: ReadTimeout" for n in (1, 2, 3)]


def test_a_retry_after_longer_than_the_caller_can_wait_is_returned_at_once() -> None:
    app = FastAPI()

    @app.get("/busy")
    def busy() -> JSONResponse:
        return JSONResponse({}, status_code=503, headers={"Retry-After": "3600"})

    with serve_in_thread(app) as base_url, httpx.Client(base_url=base_url) as client:
        log: list[str] = []
        response = snippet.send(client, "GET", "/busy", rng=random.Random(0), log=log)
    assert response.status_code == 503
    assert log == ["attempt 1: 503"]
