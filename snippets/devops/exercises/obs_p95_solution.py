"""Reference solution: bucket increases between scrapes, and PromQL's interpolation."""

from __future__ import annotations

import math
from collections.abc import Sequence

Buckets = Sequence[tuple[float, float]]


def window(before: Buckets, after: Buckets) -> list[tuple[float, float]]:
    """The per-bucket increase between two scrapes, sorted by upper bound."""
    old = dict(before)
    grown = []
    for bound, count in sorted(after):
        previous = old.get(bound, 0.0)
        grown.append((bound, count - previous if count >= previous else count))
    return grown


def histogram_quantile(q: float, buckets: Buckets) -> float:
    """The q-quantile of cumulative buckets, interpolated inside the bucket it falls in."""
    ordered = sorted(buckets)
    if len(ordered) < 2 or not math.isinf(ordered[-1][0]) or ordered[-1][1] == 0:
        return math.nan
    rank = q * ordered[-1][1]
    index = next(i for i, (_, count) in enumerate(ordered) if count >= rank)
    upper, count = ordered[index]
    if index == len(ordered) - 1:
        return ordered[-2][0]
    lower, below = ordered[index - 1] if index else (0.0, 0.0)
    return lower + (upper - lower) * (rank - below) / (count - below)
