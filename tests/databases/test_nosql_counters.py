"""Mirrors snippets/databases/nosql_counters.py: GET+SET loses updates under a race, INCR never."""

from __future__ import annotations

import threading

from labkit import db
from snippets.databases import nosql_counters as counters
from tests.support import require_server


def test_naive_loses_all_but_one_update_per_round() -> None:
    require_server("redis")
    with db.redis_scratch() as space:
        total, results = counters.race(space, counters.add_one_naive)
    assert total == counters.ROUNDS  # every round, all workers wrote the same value
    assert len(set(results)) == counters.ROUNDS


def test_incr_counts_every_increment_and_hands_out_unique_values() -> None:
    require_server("redis")
    with db.redis_scratch() as space:
        total, results = counters.race(space, counters.add_one_atomic)
    expected = counters.WORKERS * counters.ROUNDS
    assert total == expected
    assert sorted(results) == list(range(1, expected + 1))


def test_incr_without_any_barrier_is_exact_too() -> None:
    """Free-running threads, no forced interleaving: INCR still loses nothing."""
    require_server("redis")
    with db.redis_scratch() as space:
        key = space.key("free")

        def work() -> None:
            for _ in range(300):
                space.client.incr(key)

        threads = [threading.Thread(target=work) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert int(space.client.get(key)) == 1800
