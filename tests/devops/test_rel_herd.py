"""Mirrors snippets/devops/rel_herd.py: synchronized retries peak; full jitter spreads them."""

from __future__ import annotations

from snippets.devops.rel_herd import CAPACITY, CLIENTS, STRATEGIES, simulate


def peak_after_start(name: str) -> int:
    outcome = simulate(STRATEGIES[name])
    return max(n for slot, n in outcome.per_slot.items() if slot > 0)


def test_fixed_delays_come_back_as_one_wave() -> None:
    assert peak_after_start("fixed 1 s") == CLIENTS - CAPACITY
    assert peak_after_start("exponential, no jitter") == CLIENTS - CAPACITY


def test_full_jitter_spreads_the_load() -> None:
    assert peak_after_start("exponential, full jitter") < (CLIENTS - CAPACITY) / 2
    jittered = simulate(STRATEGIES["exponential, full jitter"])
    fixed = simulate(STRATEGIES["fixed 1 s"])
    assert jittered.total < fixed.total and jittered.done_ms < fixed.done_ms


def test_every_client_gets_through_and_the_run_is_deterministic() -> None:
    for delay in STRATEGIES.values():
        first, second = simulate(delay), simulate(delay)
        assert first == second
        served = sum(min(n, CAPACITY) for n in first.per_slot.values())
        assert served == CLIENTS
