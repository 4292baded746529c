"""Mirrors snippets/databases/nosql_rate_limit.py: both limiters at and beyond the limit."""

from __future__ import annotations

from labkit import db
from snippets.databases import nosql_rate_limit as rl
from tests.support import require_server


def test_fixed_window_allows_limit_then_rejects_then_resets() -> None:
    require_server("redis")
    with db.redis_scratch() as space:
        got = [rl.allow_fixed(space, "u", t)[0] for t in (0.0, 1.0, 2.0, 3.0, 9.9, 10.0)]
        assert got == [True, True, True, False, False, True]
        ttl = space.client.ttl(space.key("rl:u:0"))
        assert 0 < ttl <= rl.WINDOW, "the window's counter must expire on its own"


def test_fixed_window_lets_a_double_burst_through_at_the_boundary() -> None:
    require_server("redis")
    with db.redis_scratch() as space:
        times = [9.7, 9.8, 9.9, 10.0, 10.1, 10.2]
        assert all(rl.allow_fixed(space, "u", t)[0] for t in times)  # 6 in half a second


def test_sliding_window_never_exceeds_the_limit_in_any_window() -> None:
    require_server("redis")
    with db.redis_scratch() as space:
        times = [t / 2 for t in range(80)]  # a request every 0.5 s for 40 s
        accepted = [t for n, t in enumerate(times)
                    if rl.allow_sliding(space, "u", t, f"r{n}")[0]]
        for start in accepted:
            inside = [t for t in accepted if start <= t < start + rl.WINDOW]
            assert len(inside) <= rl.LIMIT, f"{inside} within {rl.WINDOW} s of {start}"
        assert len(accepted) == 4 * rl.LIMIT  # it still admits LIMIT per window, steadily


def test_rejected_requests_are_not_remembered() -> None:
    require_server("redis")
    with db.redis_scratch() as space:
        for n in range(10):
            rl.allow_sliding(space, "u", 1.0, f"r{n}")
        assert space.client.zcard(space.key("rls:u")) == rl.LIMIT
