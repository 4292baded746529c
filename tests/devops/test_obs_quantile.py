"""Mirrors snippets/devops/obs_quantile.py: PromQL's histogram_quantile, increase and rate."""

from __future__ import annotations

import math

import pytest

from snippets.devops import obs_quantile
from snippets.devops.obs_kit.promql import histogram_quantile, increase, rate

INF = float("inf")
# Cumulative buckets in the style of Prometheus' own promql/testdata/histograms.test.
BUCKETS = [(0.1, 50.0), (0.2, 70.0), (1.0, 110.0), (INF, 120.0)]


@pytest.mark.parametrize(("q", "expected"), [
    (0.0, 0.0),          # rank 0 -> bottom of the first bucket
    (0.25, 0.06),        # rank 30 in the first bucket: 0 + 0.1 * 30/50
    (0.5, 0.15),         # rank 60 in (0.1, 0.2]: 0.1 + 0.1 * 10/20
    (0.75, 0.6),         # rank 90 in (0.2, 1]: 0.2 + 0.8 * 20/40
    (0.95, 1.0),         # rank 114 in +Inf -> highest finite bound
])
def test_histogram_quantile_interpolates_like_promql(q: float, expected: float) -> None:
    assert histogram_quantile(q, BUCKETS) == pytest.approx(expected)


def test_histogram_quantile_edge_cases() -> None:
    assert math.isnan(histogram_quantile(0.5, [(0.1, 0.0), (INF, 0.0)]))     # no observations
    assert math.isnan(histogram_quantile(0.5, [(0.1, 1.0), (0.2, 2.0)]))     # no +Inf bucket
    assert histogram_quantile(0.5, list(reversed(BUCKETS))) == pytest.approx(0.15)


def test_increase_and_rate_survive_a_restart() -> None:
    assert increase(100, 160) == 60
    assert increase(500, 12) == 12
    assert rate(100, 160, 60) == 1.0


def test_snippet_output(capsys: pytest.CaptureFixture[str]) -> None:
    obs_quantile.main()
    out = capsys.readouterr().out
    assert "requests between scrapes: 200, rate: 3.33/s" in out
    assert "p95 from the buckets:     500 ms" in out
    assert "p95 of the raw latencies: 450 ms" in out
    assert "mean latency:             119 ms" in out
