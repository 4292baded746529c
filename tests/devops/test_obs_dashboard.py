"""Mirrors snippets/devops/obs_dashboard.py: the generated dashboard uses only exposed metrics."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from snippets.devops.obs_kit.dashboard import dashboard_json, dashboard_problems, red_dashboard
from snippets.devops.obs_kit.promql import metric_names
from snippets.devops.obs_kit.service import exposed_metric_names

KIT = Path(__file__).resolve().parents[2] / "snippets" / "devops" / "obs_kit"


@pytest.fixture(scope="module")
def exposed() -> set[str]:
    return exposed_metric_names()


def test_committed_file_is_what_the_code_generates() -> None:
    assert (KIT / "library-dashboard.json").read_text(encoding="utf-8") == dashboard_json()


def test_dashboard_has_no_problems(exposed: set[str]) -> None:
    dashboard = json.loads(dashboard_json())
    assert dashboard_problems(dashboard, exposed) == []
    assert isinstance(dashboard["schemaVersion"], int)
    titles = [panel["title"] for panel in dashboard["panels"]]
    assert titles == ["Request rate by route", "Error ratio (5xx)", "p95 latency",
                      "Requests in flight"]
    for panel in dashboard["panels"]:
        assert panel["datasource"]["type"] == "prometheus"
        assert set(panel["gridPos"]) == {"h", "w", "x", "y"}


def test_mistakes_are_reported(exposed: set[str]) -> None:
    broken = copy.deepcopy(red_dashboard())
    del broken["schemaVersion"]
    broken["panels"][2]["targets"] = []
    broken["panels"][3]["targets"][0]["expr"] = "sum(library_users_online)"
    problems = dashboard_problems(broken, exposed)
    assert "dashboard lacks 'schemaVersion'" in problems
    assert any("has no targets" in p for p in problems)
    assert any("library_users_online is not exposed" in p for p in problems)


@pytest.mark.parametrize(("expr", "names"), [
    ('sum by (route, le) (rate(a_total{status=~"5..", route="/x"}[5m]))', {"a_total"}),
    ("histogram_quantile(0.9, rate(b_bucket[1h] offset 5m)) > 0.3", {"b_bucket"}),
    ("c / on(job) group_left d", {"c", "d"}),
    ("sum without (instance) (e)", {"e"}),
])
def test_metric_names(expr: str, names: set[str]) -> None:
    assert metric_names(expr) == names
