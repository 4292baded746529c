"""Compute a p95 from two scrapes of a histogram, as PromQL does.

Prometheus histograms are cumulative: the bucket `le="0.3"` counts every observation of at
most 0.3 s since the process started. A dashboard's p95 looks only at the last few minutes,
so it first takes the increase of each bucket between two scrapes, then interpolates.

- `window(before, after)` takes two scrapes of the same histogram, each a list of
  `(upper_bound, cumulative_count)` pairs (the last bound is `float("inf")`), and returns the
  pairs of the increase between them, sorted by bound. If a bucket's count went *down*, the
  process restarted in between: count its new value as the increase.
- `histogram_quantile(q, buckets)` returns the q-quantile (0 <= q <= 1) of cumulative
  buckets like PromQL's `histogram_quantile`: find the first bucket whose count is at least
  `q * total`, and interpolate linearly inside it (the first bucket starts at 0). If that
  bucket is the +Inf one, return the highest finite bound. Return `math.nan` when there are
  no observations or no +Inf bucket.
"""

from __future__ import annotations

from collections.abc import Sequence

Buckets = Sequence[tuple[float, float]]


def window(before: Buckets, after: Buckets) -> list[tuple[float, float]]:
    """The per-bucket increase between two scrapes, sorted by upper bound."""
    raise NotImplementedError("write window")


def histogram_quantile(q: float, buckets: Buckets) -> float:
    """The q-quantile of cumulative buckets, interpolated inside the bucket it falls in."""
    raise NotImplementedError("write histogram_quantile")
