"""A circuit breaker that lets one trial call through (reference solution)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable


class Breaker:
    """Closed, open and half-open, with failures counted in a sliding window."""

    def __init__(self, threshold: int, window: float, reset_after: float,
                 clock: Callable[[], float]) -> None:
        self.threshold, self.window, self.reset_after = threshold, window, reset_after
        self.clock = clock
        self.state = "closed"
        self.failures: deque[float] = deque()
        self.opened_at = 0.0
        self.trial_running = False

    def allow(self) -> bool:
        """May the caller call the dependency now?"""
        if self.state == "closed":
            return True
        if self.state == "open":
            if self.clock() - self.opened_at < self.reset_after:
                return False
            self.state, self.trial_running = "half-open", True
            return True
        if self.trial_running:  # half-open: one trial at a time
            return False
        self.trial_running = True
        return True

    def record(self, ok: bool) -> None:
        """Report how an allowed call went."""
        now = self.clock()
        if self.state == "half-open":
            self.trial_running = False
            if ok:
                self.state = "closed"
                self.failures.clear()
            else:
                self.state, self.opened_at = "open", now
            return
        if ok:
            return
        self.failures.append(now)
        while self.failures and self.failures[0] <= now - self.window:
            self.failures.popleft()
        if len(self.failures) >= self.threshold:
            self.state, self.opened_at = "open", now
