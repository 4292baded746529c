"""Hidden checks for the logic_fines exercise."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from datetime import date, timedelta
from types import ModuleType

DUE = date(2025, 3, 10)
PRICE = 2000

CASES = [  # days late, expected cents
    (-5, 0), (0, 0), (1, 0), (2, 0),
    (3, 10), (9, 70),                # 7 charged days at 10 cents
    (10, 90), (12, 130),             # then 20 cents a day
    (100, 1890), (104, 1970), (105, 1990), (106, 2000), (200, 2000),  # capped at 2000
]


def check_fine_table(module: ModuleType) -> None:
    """fine_cents follows the policy: 2 free days, 10 cents for 7 days, then 20 cents."""
    for days, expected in CASES:
        got = module.fine_cents(DUE, DUE + timedelta(days=days), PRICE)
        assert got == expected, (
            f"returned {days} day(s) late with a price of {PRICE} cents: "
            f"expected {expected} cents, got {got!r}")
        assert isinstance(got, int), f"return integer cents, not {type(got).__name__}"


def check_capped_at_the_price(module: ModuleType) -> None:
    """The fine never exceeds the replacement price, and is never negative."""
    for days in range(-30, 400, 7):
        for price in (0, 150, 999):
            got = module.fine_cents(DUE, DUE + timedelta(days=days), price)
            assert 0 <= got <= price, (
                f"{days} days late, price {price}: {got} is outside 0..{price}")
    assert module.fine_cents(DUE, DUE + timedelta(days=50), 500) == 500, "cap at the price"


def check_totals(module: ModuleType) -> None:
    """fines_by_member adds up per member and leaves out members who owe nothing."""
    rows = [(1, DUE, DUE + timedelta(days=3), PRICE), (2, DUE, DUE, PRICE),
            (1, DUE, DUE + timedelta(days=10), PRICE), (3, DUE, DUE + timedelta(days=60), 300)]
    got = module.fines_by_member(iter(rows))
    assert got == {1: 100, 3: 300}, f"expected {{1: 100, 3: 300}}, got {got!r}"


def _returns(count: int) -> Iterator[tuple[int, date, date, int]]:
    for n in range(count):
        yield n % 50, DUE, DUE + timedelta(days=n % 40), PRICE


def check_streams(module: ModuleType) -> None:
    """300,000 rows from a generator are totalled without holding them all (peak < 5 MB)."""
    tracemalloc.start()
    try:
        got = module.fines_by_member(_returns(300_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(got) == 50 and all(isinstance(v, int) for v in got.values()), (
        "every one of the 50 members owes something")
    assert peak < 5_000_000, (
        f"peak memory was {peak / 1e6:.0f} MB: iterate over `returns` directly instead of "
        "turning it into a list")
