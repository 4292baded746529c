"""Hidden checks for the rel_half_open exercise."""

from __future__ import annotations

from types import ModuleType
from typing import Any


class Clock:
    """Simulated time."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _breaker(module: ModuleType, **settings: float) -> tuple[Any, Clock]:
    clock = Clock()
    options = {"threshold": 3, "window": 10.0, "reset_after": 5.0, **settings}
    return module.Breaker(clock=clock, **options), clock


def _fail(breaker: Any, times: int, clock: Clock, step: float = 1.0) -> None:
    for _ in range(times):
        assert breaker.allow(), "a closed breaker should allow every call"
        breaker.record(False)
        clock.now += step


def check_starts_closed(module: ModuleType) -> None:
    """A new breaker is closed and allows calls; successes never open it."""
    breaker, _ = _breaker(module)
    assert breaker.state == "closed", f"a new breaker should be closed, not {breaker.state!r}"
    for _ in range(10):
        assert breaker.allow()
        breaker.record(True)
    assert breaker.state == "closed", "successes alone must not open the breaker"


def check_opens_at_threshold(module: ModuleType) -> None:
    """Three failures within 10 s open the breaker, and it then sheds calls."""
    breaker, clock = _breaker(module)
    _fail(breaker, 2, clock)
    assert breaker.state == "closed", "two failures are below the threshold of three"
    _fail(breaker, 1, clock)
    assert breaker.state == "open", "the third failure within the window should open it"
    assert not breaker.allow(), "an open breaker sheds calls: allow() should be False"


def check_window_forgets_old_failures(module: ModuleType) -> None:
    """Failures older than the window do not count towards the threshold."""
    breaker, clock = _breaker(module)
    _fail(breaker, 2, clock, step=6.0)  # failures at t=100 and t=106
    clock.now = 112.0  # the failure at 100 is now 12 s old
    _fail(breaker, 1, clock)
    assert breaker.state == "closed", (
        "only 2 failures happened in the last 10 s; the one 12 s ago should not count")
    _fail(breaker, 1, clock)
    assert breaker.state == "open", "three failures within 10 s (106, 112, 113) should open it"


def check_half_open_single_trial(module: ModuleType) -> None:
    """After reset_after, exactly one trial call is allowed until its result is recorded."""
    breaker, clock = _breaker(module)
    _fail(breaker, 3, clock, step=0.0)
    clock.now += 4.9
    assert not breaker.allow(), "still open before reset_after has passed"
    clock.now += 0.2
    assert breaker.allow(), "after reset_after, the first caller gets the trial call"
    assert breaker.state == "half-open", (
        f"during the trial the state is half-open, not {breaker.state!r}")
    assert not breaker.allow(), "a second caller during the trial must be shed"


def check_trial_success_closes(module: ModuleType) -> None:
    """A successful trial closes the breaker and forgets earlier failures."""
    breaker, clock = _breaker(module)
    _fail(breaker, 3, clock, step=0.0)
    clock.now += 5.0
    assert breaker.allow()
    breaker.record(True)
    assert breaker.state == "closed", "a successful trial should close the breaker"
    _fail(breaker, 2, clock, step=0.0)
    assert breaker.state == "closed", "old failures must be forgotten after closing"


def check_trial_failure_reopens(module: ModuleType) -> None:
    """A failed trial opens the breaker again for a full reset_after."""
    breaker, clock = _breaker(module)
    _fail(breaker, 3, clock, step=0.0)
    clock.now += 5.0
    assert breaker.allow()
    breaker.record(False)
    assert breaker.state == "open", "a failed trial should open the breaker again"
    clock.now += 4.0
    assert not breaker.allow(), "the new open period lasts reset_after from the failed trial"
    clock.now += 1.0
    assert breaker.allow(), "after another reset_after, a new trial is allowed"
