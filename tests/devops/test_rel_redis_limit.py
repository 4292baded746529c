"""Mirrors snippets/devops/rel_redis_limit.py: one limit across instances, kept in Redis."""

from __future__ import annotations

from labkit import db
from labkit.clock import FakeClock
from snippets.devops.rel_redis_limit import LIMIT, WINDOW, in_memory, in_redis, two_instances
from tests.support import require_server


def test_memory_counters_double_the_limit() -> None:
    clock = FakeClock(start=1000.0)
    statuses = two_instances(lambda: in_memory(clock), clock)
    assert statuses[:8] == ["200"] * 8


def test_redis_counter_is_shared_and_expires() -> None:
    require_server("redis")
    clock = FakeClock(start=5000.0)
    with db.redis_scratch() as space:
        statuses = two_instances(lambda: in_redis(space, clock), clock)
        assert statuses[:8] == ["200"] * LIMIT + ["429"] * (8 - LIMIT)
        keys = list(space.client.scan_iter(match=f"{space.prefix}*"))
        assert len(keys) == 1 and 0 < space.client.ttl(keys[0]) <= 2 * WINDOW
        limiter = in_redis(space, clock)
        clock.now = 5000.0 + WINDOW  # the next window starts from zero
        assert limiter("ada") == 0.0
