"""Mirrors snippets/apis/design_rate_limit.py: 429 with Retry-After at the limit, per client."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread
from snippets.apis.design_rate_limit import Bucket, FakeClock, create_app


def test_limit_then_retry_after() -> None:
    clock = FakeClock()
    with serve_in_thread(create_app(clock, capacity=3, rate=0.5)) as base, \
            httpx.Client(base_url=base) as client:
        ada = {"Api-Key": "ada"}
        assert [client.get("/books", headers=ada).status_code for _ in range(3)] == [200] * 3
        limited = client.get("/books", headers=ada)
        assert limited.status_code == 429
        assert limited.headers["retry-after"] == "2"
        assert limited.headers["content-type"] == "application/problem+json"
        assert client.get("/books", headers={"Api-Key": "bob"}).status_code == 200
        clock.now += 1
        assert client.get("/books", headers=ada).status_code == 429  # too early
        clock.now += 1
        assert client.get("/books", headers=ada).status_code == 200


def test_bucket_refills_to_capacity_only() -> None:
    bucket = Bucket(capacity=2, rate=1, tokens=2, updated=0)
    assert bucket.take(0) == 0 and bucket.take(0) == 0
    assert bucket.take(0) == 1.0
    assert bucket.take(100) == 0 and bucket.take(100) == 0 and bucket.take(100) > 0
