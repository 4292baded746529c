"""Mirrors nosql_cache_aside.py: hits skip SQLite; TTL and deletes force misses."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from labkit import db
from snippets.databases import nosql_cache_aside as ca
from tests.support import require_server


@pytest.fixture
def cache() -> Iterator[ca.CachedSummaries]:
    require_server("redis")
    shop = ca.build_shop()
    with db.redis_scratch() as space:
        yield ca.CachedSummaries(shop, space, ttl_ms=300)
    shop.close()


def test_second_read_is_a_hit_and_skips_sqlite(cache: ca.CachedSummaries) -> None:
    calls = []
    cache.shop.set_trace_callback(calls.append)
    first, second = cache.get(5), cache.get(5)
    assert first == second and first["reviews"] == ca.REVIEWS // ca.PRODUCTS
    assert (cache.hits, cache.misses) == (1, 1)
    assert len([c for c in calls if "FROM reviews" in c]) == 1, calls


def test_entry_expires_after_its_ttl(cache: ca.CachedSummaries) -> None:
    cache.get(5)
    assert 0 < cache.redis.client.pttl(cache.key(5)) <= 300
    time.sleep(0.4)
    assert cache.redis.client.get(cache.key(5)) is None
    cache.get(5)
    assert cache.misses == 2


def test_without_forget_a_reader_sees_stale_data(cache: ca.CachedSummaries) -> None:
    before = cache.get(5)["reviews"]
    cache.shop.execute("INSERT INTO reviews VALUES (5, 1)")
    assert cache.get(5)["reviews"] == before, "the cache still holds the old summary"
    cache.forget(5)
    assert cache.get(5)["reviews"] == before + 1


def test_keys_live_under_the_scratch_prefix(cache: ca.CachedSummaries) -> None:
    cache.get(1)
    assert cache.key(1).startswith(cache.redis.prefix)
