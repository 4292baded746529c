"""A clock that snippets and tests move by hand, so waits, expiry and Retry-After print the same
on every run."""

from __future__ import annotations


class FakeClock:
    """Time that only moves when `sleep` or `advance` is called; it records every sleep."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        """The current simulated time, in seconds."""
        return self.now

    def sleep(self, seconds: float) -> None:
        """Pretend to wait: move the clock forward and remember the wait."""
        self.sleeps.append(seconds)
        self.now += seconds

    def advance(self, seconds: float) -> None:
        """Move the clock forward without counting it as a sleep."""
        self.now += seconds
