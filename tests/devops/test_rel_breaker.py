"""Mirrors snippets/devops/rel_breaker.py (and rel_kit/breaker.py): closed, open, half-open."""

from __future__ import annotations

import contextlib

import httpx
import pytest

from labkit.clock import FakeClock
from labkit.serve import serve_in_thread
from snippets.devops.rel_breaker import reports_app
from snippets.devops.rel_kit.breaker import CircuitBreaker, CircuitOpen


def fail() -> None:
    raise RuntimeError("down")


def test_opens_after_threshold_and_sheds() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(threshold=2, reset_after=5, clock=clock)
    for _ in range(2):
        with pytest.raises(RuntimeError):
            breaker.call(fail)
    assert breaker.state == "open"
    calls = []
    with pytest.raises(CircuitOpen):
        breaker.call(lambda: calls.append(1))
    assert calls == []  # shed: the operation never ran


def test_a_success_resets_the_count() -> None:
    breaker = CircuitBreaker(threshold=2, reset_after=5, clock=FakeClock())
    with pytest.raises(RuntimeError):
        breaker.call(fail)
    assert breaker.call(lambda: "ok") == "ok"
    with pytest.raises(RuntimeError):
        breaker.call(fail)
    assert breaker.state == "closed"


def test_half_open_trial_fails_then_succeeds() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(threshold=1, reset_after=5, clock=clock)
    with pytest.raises(RuntimeError):
        breaker.call(fail)
    clock.advance(5)
    breaker.moves.clear()
    with pytest.raises(RuntimeError):
        breaker.call(fail)
    assert breaker.moves == ["half-open", "open"]
    clock.advance(4.9)
    with pytest.raises(CircuitOpen):
        breaker.call(lambda: "ok")
    clock.advance(0.1)
    breaker.moves.clear()
    assert breaker.call(lambda: "ok") == "ok"
    assert breaker.moves == ["half-open", "closed"]


def test_breaker_spares_the_real_dependency() -> None:
    health: dict[str, object] = {"up": False, "hits": 0}
    clock = FakeClock()
    breaker = CircuitBreaker(threshold=3, reset_after=4, clock=clock)
    with serve_in_thread(reports_app(health)) as base, httpx.Client(base_url=base) as client:
        for _ in range(10):
            with contextlib.suppress(CircuitOpen, httpx.HTTPStatusError):
                breaker.call(lambda: client.get("/report").raise_for_status())
            clock.advance(1)
    assert health["hits"] == 4  # three failures trip it at t=2; one failed trial at t=6
