"""A circuit breaker that lets one trial call through.

Write `Breaker`, a circuit breaker driven by a clock you are given (a function returning
seconds), with two methods the caller uses around each call to a dependency:

- `allow()` returns True if the caller may call the dependency now, False to shed the call.
- `record(ok)` reports how an allowed call went (True for success, False for failure).

And a `state` attribute: `"closed"`, `"open"` or `"half-open"`.

Rules:

- **closed**: `allow()` is always True. The breaker opens when `threshold` failures were
  recorded within the last `window` seconds (failures older than that no longer count;
  successes do not erase failures).
- **open**: `allow()` is False until `reset_after` seconds have passed since it opened; the
  first `allow()` after that moves it to half-open and returns True.
- **half-open**: only that one trial call is allowed; every other `allow()` returns False
  until the trial is recorded. A successful trial closes the breaker (forgetting old
  failures); a failed one opens it again, for another `reset_after` seconds.
"""

from __future__ import annotations

from collections.abc import Callable


class Breaker:
    """Closed, open and half-open, with failures counted in a sliding window."""

    def __init__(self, threshold: int, window: float, reset_after: float,
                 clock: Callable[[], float]) -> None:
        raise NotImplementedError("store the settings and start closed")

    def allow(self) -> bool:
        """May the caller call the dependency now?"""
        raise NotImplementedError("write allow")

    def record(self, ok: bool) -> None:
        """Report how an allowed call went."""
        raise NotImplementedError("write record")
