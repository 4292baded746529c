"""A small circuit breaker: closed, open, half-open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class CircuitOpen(Exception):
    """Raised instead of calling the dependency while the breaker is open."""


# --8<-- [start:breaker]
class CircuitBreaker:
    """Stop calling a dependency after `threshold` failures in a row; probe it again later.

    closed:    calls go through; consecutive failures are counted.
    open:      calls fail at once with CircuitOpen, for `reset_after` seconds.
    half-open: one trial call goes through; success closes, failure opens again.
    """

    def __init__(self, threshold: int, reset_after: float, clock: Callable[[], float]) -> None:
        self.threshold, self.reset_after, self.clock = threshold, reset_after, clock
        self.state = "closed"
        self.failures = 0
        self.opened_at = 0.0
        self.moves: list[str] = []  # every state change, for the demonstration

    def call(self, operation: Callable[[], T]) -> T:
        """Run `operation` if the breaker allows it; record how it went."""
        if self.state == "open":
            if self.clock() - self.opened_at < self.reset_after:
                raise CircuitOpen("dependency is failing; not calling it")  # [mark:shed]
            self._move("half-open")  # time to let one trial call through
        try:
            result = operation()
        except Exception:
            self._failed()
            raise
        self.failures = 0
        if self.state != "closed":
            self._move("closed")
        return result

    def _failed(self) -> None:
        self.failures += 1
        if self.state == "half-open" or self.failures >= self.threshold:
            self.opened_at = self.clock()
            self._move("open")  # [mark:trip]

    def _move(self, state: str) -> None:
        self.moves.append(state)
        self.state = state
# --8<-- [end:breaker]
