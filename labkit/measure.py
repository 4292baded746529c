"""Print measured figures (timings, speed-ups) together with the claim they must meet.

Measured values change from run to run, so the stored-output check cannot compare
them as text. Print them through [`measured`][labkit.measure.measured]: the value is
checked against its claim at run time (a failed claim raises, so the test fails),
and, when the test runner records output, the value is wrapped in a marker that the
check and the page understand. Run by hand, a snippet prints the plain value.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

MARKER_ENV = "LAB_MARK_MEASURED"
"""Set by the runner: wrap measured values in markers."""

MARKER = re.compile(r"⟦measured (?P<value>[^|⟧]*) \| (?P<claim>[^⟧]*)⟧")


class ClaimFailed(AssertionError):
    """A measured value did not meet the claim the page makes about it."""


@dataclass(frozen=True)
class Measured:
    """One measured value found in an output."""

    value: str
    claim: str


def measured(
    value: float,
    *,
    unit: str = "",
    digits: int = 1,
    at_least: float | None = None,
    at_most: float | None = None,
) -> str:
    """Format a measured `value` and check it against its claim.

    Args:
        value: The figure, e.g. a speed-up of 12.34.
        unit: Written after the number, e.g. `"×"` or `" ms"`.
        digits: Decimal places to show.
        at_least: The claim: the value must be at least this.
        at_most: The claim: the value must be at most this.

    Returns:
        The formatted value, e.g. `"12.3×"`.

    Raises:
        ClaimFailed: if the value breaks its claim.
    """
    if at_least is None and at_most is None:
        raise ValueError("a measured value needs a claim: pass at_least= or at_most=")
    shown = f"{value:.{digits}f}{unit}"
    claims = []
    if at_least is not None:
        claims.append(f"≥ {at_least:g}{unit}")
        if value < at_least:
            raise ClaimFailed(f"measured {shown}, but the page claims {claims[-1]}")
    if at_most is not None:
        claims.append(f"≤ {at_most:g}{unit}")
        if value > at_most:
            raise ClaimFailed(f"measured {shown}, but the page claims {claims[-1]}")
    if os.environ.get(MARKER_ENV) == "1":
        return f"⟦measured {shown} | {' and '.join(claims)}⟧"
    return shown


def find(text: str) -> list[Measured]:
    """All measured values in an output, in order."""
    return [Measured(m["value"], m["claim"]) for m in MARKER.finditer(text)]


def mask(text: str) -> str:
    """Replace each measured value by its claim, so two runs compare equal as text."""
    return MARKER.sub(lambda m: f"⟦measured | {m['claim']}⟧", text)


def plain(text: str) -> str:
    """Strip the markers, leaving the values as a reader running the snippet sees them."""
    return MARKER.sub(lambda m: m["value"], text)


def best_seconds(call: Callable[[], object], rounds: int = 15) -> float:
    """The fastest of `rounds` calls of `call`, in seconds: the run the machine disturbed least."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best
