"""Measure how much faster a set answers "is it there?" than a list does."""

from __future__ import annotations

import timeit

from labkit.measure import measured


def lookup_speedup(size: int = 100_000, repeats: int = 200) -> float:
    """Time membership tests for the last element of a list and of a set; return list / set."""
    # --8<-- [start:measure]
    items = list(range(size))
    as_set = set(items)
    missing = size - 1  # the worst case for the list: the very last element
    list_time = min(timeit.repeat(lambda: missing in items, number=repeats, repeat=5))  # (1)!
    set_time = min(timeit.repeat(lambda: missing in as_set, number=repeats, repeat=5))
    # --8<-- [end:measure]
    return list_time / set_time


def main() -> None:
    """Print the speed-up; the page claims at least 100×."""
    # --8<-- [start:report]
    speedup = lookup_speedup()
    shown = measured(speedup, unit="×", digits=0, at_least=100)  # [mark:claim]
    print("Looking up 1 value among 100,000:")
    print(f"  a set answers {shown} faster than a list")
    # --8<-- [end:report]


if __name__ == "__main__":
    main()
