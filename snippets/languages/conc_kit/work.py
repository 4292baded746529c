"""Two kinds of work a request handler does: wait for something, or compute something."""

from __future__ import annotations

import time

DB_WAIT = 0.1
"""Seconds a pretend database call takes (the slow endpoints sleep this long)."""


# --8<-- [start:crunch]
def crunch(rounds: int) -> int:
    """CPU-bound work in pure Python: `rounds` loop iterations, no I/O, no sleeping."""
    total = 0
    for i in range(rounds):
        total = (total + i * i) % 1_000_003
    return total
# --8<-- [end:crunch]


def crunch_cpu(rounds: int) -> float:
    """Run `crunch` and return the CPU seconds the thread running it spent on it."""
    start = time.thread_time()
    crunch(rounds)
    return time.thread_time() - start
