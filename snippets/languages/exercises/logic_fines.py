"""Write a library's fine rules as pure functions, and total them as a stream.

Another library has its own policy. Write it as pure functions: no database, no clock, no
HTTP, only arguments in and a value out, so the checks can try many cases in milliseconds.

- `fine_cents(due_on, returned_on, replacement_cents)`: the fine in integer cents for a
  book due on `due_on` and returned on `returned_on`. The first 2 days late are free. Each
  charged day after that costs 10 cents for the first 7 charged days and 20 cents for every
  charged day after those. The fine never exceeds `replacement_cents`, the price of the
  book. A book returned on time or early costs 0.
- `fines_by_member(returns)`: `returns` is an iterable of
  `(member_id, due_on, returned_on, replacement_cents)` tuples, possibly a generator of
  millions of rows that can be read only once. Return a dict of member id to total fine in
  cents, leaving out members who owe nothing. Hold one row at a time: never build a list
  of all the rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def fine_cents(due_on: date, returned_on: date, replacement_cents: int) -> int:
    """The fine in cents for one loan under this library's policy."""
    raise NotImplementedError("write fine_cents")


def fines_by_member(returns: Iterable[tuple[int, date, date, int]]) -> dict[int, int]:
    """Total fines per member, reading `returns` once, one row at a time."""
    raise NotImplementedError("write fines_by_member")
