"""Small Python versions of three PromQL ideas: increase/rate, histogram_quantile, and names."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence


# --8<-- [start:increase]
def increase(before: float, after: float) -> float:
    """How much a counter grew between two scrapes; a drop means the process restarted.

    After a restart the counter starts again from 0, so everything it shows now is new.
    """
    return after - before if after >= before else after


def rate(before: float, after: float, seconds: float) -> float:
    """Per-second increase between two scrapes taken `seconds` apart."""
    return increase(before, after) / seconds
# --8<-- [end:increase]


# --8<-- [start:quantile]
def histogram_quantile(q: float, buckets: Sequence[tuple[float, float]]) -> float:
    """The q-quantile of cumulative (upper bound, count) buckets, interpolated like PromQL.

    The rank q * total falls in one bucket; assume its observations are spread evenly
    between the bucket's lower and upper bounds. The first bucket starts at 0; a rank in
    the +Inf bucket returns the highest finite bound.
    """
    ordered = sorted(buckets)
    if len(ordered) < 2 or not math.isinf(ordered[-1][0]):
        return math.nan
    total = ordered[-1][1]
    if total == 0:
        return math.nan
    rank = q * total
    index = next(i for i, (_, count) in enumerate(ordered) if count >= rank)
    if index == len(ordered) - 1:
        return ordered[-2][0]
    upper, count = ordered[index]
    lower, below = ordered[index - 1] if index > 0 else (0.0, 0.0)
    if index == 0 and upper <= 0:
        return upper
    return lower + (upper - lower) * (rank - below) / (count - below)
# --8<-- [end:quantile]


_KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and",
             "or", "unless", "offset", "inf", "nan"}


# --8<-- [start:names]
def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression selects (a simple scanner, not a full parser)."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)      # string literals
    text = re.sub(r"\{[^}]*\}", "", text)                 # label matchers
    text = re.sub(r"\[[^\]]*\]", "", text)                # range selectors [5m]
    text = re.sub(r"\b(?:by|without|on|ignoring)\s*\([^)]*\)", "", text)  # grouping labels
    names = set()
    for match in re.finditer(r"(?<![\w.:])[a-zA-Z_:][\w:]*", text):
        followed_by = text[match.end():].lstrip()[:1]
        if followed_by != "(" and match.group().lower() not in _KEYWORDS:
            names.add(match.group())
    return names
# --8<-- [end:names]
