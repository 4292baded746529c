"""Reference solution: the fine policy as pure functions, totalled as a stream."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

GRACE_DAYS = 2
CHEAP_DAYS = 7


def fine_cents(due_on: date, returned_on: date, replacement_cents: int) -> int:
    """The fine in cents for one loan under this library's policy."""
    charged = max(0, (returned_on - due_on).days - GRACE_DAYS)
    cheap = min(charged, CHEAP_DAYS)
    return min(cheap * 10 + (charged - cheap) * 20, replacement_cents)


def fines_by_member(returns: Iterable[tuple[int, date, date, int]]) -> dict[int, int]:
    """Total fines per member, reading `returns` once, one row at a time."""
    totals: defaultdict[int, int] = defaultdict(int)
    for member_id, due_on, returned_on, price in returns:
        fine = fine_cents(due_on, returned_on, price)
        if fine:
            totals[member_id] += fine
    return dict(totals)
