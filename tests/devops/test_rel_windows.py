"""Mirrors snippets/devops/rel_windows.py: four algorithms on a burst across a boundary."""

from __future__ import annotations

from snippets.devops.rel_windows import (
    ARRIVALS,
    LIMIT,
    FixedWindow,
    LeakyBucket,
    SlidingLog,
    TokenBucket,
    busiest,
)


def accepted(limiter: FixedWindow | SlidingLog | TokenBucket | LeakyBucket) -> list[float]:
    return [t for t in ARRIVALS if limiter.allow(t)]


def test_fixed_window_lets_twice_the_limit_through_at_a_boundary() -> None:
    assert len(accepted(FixedWindow())) == 2 * LIMIT


def test_sliding_log_never_exceeds_the_limit_in_any_second() -> None:
    times = accepted(SlidingLog())
    assert busiest(times, 1.0) == LIMIT


def test_token_bucket_allows_a_burst_then_the_rate() -> None:
    assert len(accepted(TokenBucket())) == LIMIT + 1  # full bucket, plus 0.1 s of refill


def test_leaky_bucket_smooths_what_it_passes_on() -> None:
    leaky = LeakyBucket()
    accepted(leaky)
    gaps = [b - a for a, b in zip(leaky.passed_at, leaky.passed_at[1:], strict=False)]
    assert all(abs(gap - 1 / LIMIT) < 1e-6 for gap in gaps)
    assert busiest(leaky.passed_at, 0.2) == 2
