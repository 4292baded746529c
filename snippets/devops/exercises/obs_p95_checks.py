"""Hidden checks for the obs_p95 exercise."""

from __future__ import annotations

import math
from types import ModuleType

INF = float("inf")
TOTALS = [(0.1, 50.0), (0.2, 70.0), (1.0, 110.0), (INF, 120.0)]


def _close(got: float, want: float) -> bool:
    return isinstance(got, float) and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)


def check_interpolates(module: ModuleType) -> None:
    """The quantile is interpolated linearly inside its bucket, the first starting at 0."""
    for q, want in ((0.25, 0.06), (0.5, 0.15), (0.75, 0.6)):
        got = module.histogram_quantile(q, TOTALS)
        assert _close(got, want), f"histogram_quantile({q}, {TOTALS}) gave {got!r}, not {want}"


def check_inf_bucket(module: ModuleType) -> None:
    """A rank in the +Inf bucket returns the highest finite bound."""
    got = module.histogram_quantile(0.99, TOTALS)
    assert _close(got, 1.0), f"p99 falls in the +Inf bucket: expected 1.0, got {got!r}"


def check_nan(module: ModuleType) -> None:
    """No observations, or no +Inf bucket, gives NaN."""
    assert math.isnan(module.histogram_quantile(0.5, [(0.1, 0.0), (INF, 0.0)])), \
        "an empty histogram has no quantile: return math.nan"
    assert math.isnan(module.histogram_quantile(0.5, [(0.1, 3.0), (0.2, 5.0)])), \
        "without a +Inf bucket PromQL returns NaN"


def check_unsorted_input(module: ModuleType) -> None:
    """Buckets may arrive in any order."""
    got = module.histogram_quantile(0.5, list(reversed(TOTALS)))
    assert _close(got, 0.15), f"sort the buckets by bound first: got {got!r}, not 0.15"


def check_window(module: ModuleType) -> None:
    """The window is the per-bucket increase, sorted by bound."""
    before = [(INF, 20.0), (0.1, 10.0), (0.2, 15.0)]
    after = [(0.2, 45.0), (0.1, 30.0), (INF, 60.0)]
    got = module.window(before, after)
    want = [(0.1, 20.0), (0.2, 30.0), (INF, 40.0)]
    assert list(got) == want, f"window({before}, {after}) gave {got}, not {want}"


def check_window_restart(module: ModuleType) -> None:
    """A count that went down means a restart: its new value is the increase."""
    got = module.window([(0.1, 90.0), (INF, 100.0)], [(0.1, 4.0), (INF, 5.0)])
    assert list(got) == [(0.1, 4.0), (INF, 5.0)], (
        f"after a restart, expected the new counts, got {got}")


def check_end_to_end(module: ModuleType) -> None:
    """The p95 of a window between two scrapes."""
    before = [(0.1, 100.0), (0.3, 100.0), (0.5, 100.0), (INF, 100.0)]
    after = [(0.1, 270.0), (0.3, 280.0), (0.5, 290.0), (INF, 300.0)]
    got = module.histogram_quantile(0.95, module.window(before, after))
    assert _close(got, 0.5), f"rank 190 of 200 falls at the top of (0.3, 0.5]: got {got!r}"
