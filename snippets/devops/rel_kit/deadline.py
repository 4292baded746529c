"""A deadline for a whole request, handed down to every call made on its behalf."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx


class DeadlineExceeded(Exception):
    """The request's time budget is spent; don't start another call."""


# --8<-- [start:deadline]
class Deadline:
    """A point in time by which the whole request must be answered."""

    def __init__(self, budget: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.expires = clock() + budget

    def remaining(self) -> float:
        """Seconds left; raises DeadlineExceeded when none are."""
        left = self.expires - self.clock()
        if left <= 0:
            raise DeadlineExceeded("no time left for this request")
        return left

    def timeout(self) -> httpx.Timeout:
        """An httpx timeout for the next call: never longer than what is left."""
        return httpx.Timeout(self.remaining())

    def header(self) -> dict[str, str]:
        """The budget in milliseconds, for the next service down the line."""
        return {"X-Budget-Ms": str(int(self.remaining() * 1000))}
# --8<-- [end:deadline]
