"""The thundering herd: synchronized retries come back in waves; full jitter spreads them.

A deterministic simulation (seeded random numbers, a simulated clock in milliseconds), in
the spirit of Marc Brooker's "Exponential Backoff And Jitter" on the AWS Architecture Blog.
"""

from __future__ import annotations

import heapq
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from snippets.devops.rel_kit.backoff import full_jitter

CLIENTS = 100      # every client's first request arrives at t = 0, as the server comes back
CAPACITY = 10      # requests the recovering server can serve per slot; the rest get 503
SLOT_MS = 100      # one slot = 100 ms of simulated time
BASE, CAP = 0.5, 8.0  # backoff: first ceiling 0.5 s, doubling up to 8 s

Delay = Callable[[int, random.Random], float]  # (attempt, rng) -> seconds


# --8<-- [start:strategies]
STRATEGIES: dict[str, Delay] = {
    "fixed 1 s": lambda attempt, rng: 1.0,
    "exponential, no jitter": lambda attempt, rng: min(CAP, BASE * 2 ** (attempt - 1)),
    "exponential, full jitter": lambda attempt, rng: full_jitter(
        attempt, base=BASE, cap=CAP, rng=rng),
}
# --8<-- [end:strategies]


@dataclass
class Outcome:
    """What the server saw: requests per slot, and when the last client got through."""

    per_slot: Counter[int]
    total: int
    done_ms: int


# --8<-- [start:simulate]
def simulate(delay: Delay, seed: int = 1) -> Outcome:
    """Run every client until it gets a 200; count what reaches the server per slot."""
    rng = random.Random(seed)
    arrivals = [(0, client, 1) for client in range(CLIENTS)]  # (time ms, client, attempt)
    heapq.heapify(arrivals)
    per_slot: Counter[int] = Counter()
    served_in: Counter[int] = Counter()
    last_ms = 0
    while arrivals:
        at, client, attempt = heapq.heappop(arrivals)
        slot = at // SLOT_MS
        per_slot[slot] += 1
        if served_in[slot] < CAPACITY:  # the server has room in this slot: 200
            served_in[slot] += 1
            last_ms = max(last_ms, at)
        else:  # 503: the client waits as its strategy says, then tries again
            wait_ms = round(delay(attempt, rng) * 1000)
            heapq.heappush(arrivals, (at + wait_ms, client, attempt + 1))
    return Outcome(per_slot, sum(per_slot.values()), last_ms)
# --8<-- [end:simulate]


def sparkline(per_slot: Counter[int], slots: int, scale: int) -> str:
    """Requests per slot as bars, one character per slot."""
    bars = " ▁▂▃▄▅▆▇█"
    return "".join(bars[min(8, -(-per_slot[s] * 8 // scale))] for s in range(slots))


def main() -> None:
    """Simulate the three strategies and compare what the server sees after t = 0."""
    # --8<-- [start:compare]
    outcomes = {name: simulate(delay) for name, delay in STRATEGIES.items()}
    print(f"{CLIENTS} clients, a server that serves {CAPACITY} per {SLOT_MS} ms slot\n")
    print(f"{'strategy':<26}{'peak/slot after t=0':>20}{'requests':>10}{'all done at':>13}")
    for name, out in outcomes.items():
        peak = max(n for slot, n in out.per_slot.items() if slot > 0)
        print(f"{name:<26}{peak:>20}{out.total:>10}{out.done_ms / 1000:>11.1f} s")
    print("\nrequests per 100 ms slot, from t = 0.1 s to 4.0 s:")
    for name, out in outcomes.items():
        line = sparkline(Counter({s - 1: n for s, n in out.per_slot.items() if s > 0}), 39, 90)
        print(f"{name:<26}|{line}|")
    # --8<-- [end:compare]


if __name__ == "__main__":
    main()
