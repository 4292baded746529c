"""Mirrors snippets/devops/obs_slo.py: SLIs and error budgets from the service's own metrics."""

from __future__ import annotations

import pytest

from snippets.devops import obs_slo


def test_budgets(capsys: pytest.CaptureFixture[str]) -> None:
    obs_slo.main()
    out = capsys.readouterr().out
    assert "availability SLI 99.70%  SLO 99.5%  budget 5 requests, spent 3 (60%)" in out
    assert "latency      SLI 98.00%  SLO 95.0%  budget 50 requests, spent 20 (40%)" in out
    assert "allows 216 minutes" in out
