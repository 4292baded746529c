"""Four rate-limit algorithms on the same burst: fixed window, sliding window, token bucket,
leaky bucket. Simulated time, so every run prints the same."""

from __future__ import annotations

from collections import deque

from snippets.apis.design_rate_limit import Bucket

LIMIT = 10  # requests per second, for every algorithm
QUEUE = 10  # the leaky bucket holds at most this many requests waiting
# 10 requests at 0.90-0.99 s, 10 more at 1.00-1.09 s: a burst that straddles a second
ARRIVALS = [round(0.90 + i / 100, 2) for i in range(20)]


# --8<-- [start:windows]
class FixedWindow:
    """A counter per calendar second: cheap, but allows 2x the limit across a boundary."""

    def __init__(self) -> None:
        self.window, self.count = -1, 0

    def allow(self, now: float) -> bool:
        if int(now) != self.window:
            self.window, self.count = int(now), 0  # a new second: start from zero
        self.count += 1
        return self.count <= LIMIT


class SlidingLog:
    """Remember each accepted request's time; allow one if fewer than LIMIT in the last 1 s."""

    def __init__(self) -> None:
        self.times: deque[float] = deque()

    def allow(self, now: float) -> bool:
        while self.times and self.times[0] <= now - 1.0:
            self.times.popleft()
        if len(self.times) < LIMIT:
            self.times.append(now)
            return True
        return False
# --8<-- [end:windows]


class TokenBucket:
    """The APIs chapter's bucket: LIMIT tokens, refilled at LIMIT a second."""

    def __init__(self) -> None:
        self.bucket = Bucket(capacity=LIMIT, rate=LIMIT, tokens=LIMIT, updated=0.0)

    def allow(self, now: float) -> bool:
        return self.bucket.take(now) == 0


# --8<-- [start:leaky]
class LeakyBucket:
    """A queue of up to QUEUE requests, passed on at a steady LIMIT a second; full means no."""

    def __init__(self) -> None:
        self.next_free = 0.0  # when the next queued request may be passed on
        self.passed_at: list[float] = []

    def allow(self, now: float) -> bool:
        start = max(now, self.next_free)
        if (start - now) * LIMIT >= QUEUE:  # QUEUE requests are already waiting
            return False
        self.passed_at.append(round(start, 3))
        self.next_free = start + 1 / LIMIT
        return True
# --8<-- [end:leaky]


def busiest(times: list[float], span: float) -> int:
    """The most requests that reached the app within any `span` seconds."""
    return max(sum(1 for t in times if start <= t < start + span) for start in times)


def main() -> None:
    """Run the burst through each algorithm and print what reaches the app."""
    print(f"limit {LIMIT}/s; 20 requests arrive between 0.90 s and 1.09 s\n")
    print(f"{'algorithm':<14}{'accepted':>9}{'most in 0.2 s':>15}{'passed on until':>17}")
    # --8<-- [start:run]
    for limiter in (FixedWindow(), SlidingLog(), TokenBucket(), LeakyBucket()):
        accepted = [t for t in ARRIVALS if limiter.allow(t)]
        passed = limiter.passed_at if isinstance(limiter, LeakyBucket) else accepted
        print(f"{type(limiter).__name__:<14}{len(accepted):>9}{busiest(passed, 0.2):>15}"
              f"{max(passed):>15.2f} s")
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
