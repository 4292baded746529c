"""Mirrors snippets/devops/obs_alerts.py: symptom alerts, valid shape, only exposed metrics."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from snippets.devops.obs_kit.alerts import rules_problems, rules_yaml, slo_rules
from snippets.devops.obs_kit.service import exposed_metric_names

KIT = Path(__file__).resolve().parents[2] / "snippets" / "devops" / "obs_kit"


def test_committed_file_is_what_the_code_generates() -> None:
    assert (KIT / "library-alerts.yml").read_text(encoding="utf-8") == rules_yaml()


def test_rules_are_valid_and_use_exposed_metrics() -> None:
    exposed = exposed_metric_names()
    rules = yaml.safe_load(rules_yaml())
    assert rules_problems(rules, exposed) == []
    alerts = {rule["alert"]: rule for rule in rules["groups"][0]["rules"]}
    assert alerts["LibraryApiHighErrorRatio"]["for"] == "5m"
    assert alerts["LibraryApiSlowResponses"]["expr"].endswith("> 0.3")
    for rule in alerts.values():
        assert rule["labels"]["severity"] == "page"
        assert {"summary", "description", "runbook_url"} <= set(rule["annotations"])
    broken = copy.deepcopy(slo_rules())
    broken["groups"][0]["rules"][0]["alert"] = "high error ratio"
    broken["groups"][0]["rules"][0]["labels"]["severity"] = 1
    problems = rules_problems(broken, exposed)
    assert any("not a valid metric name" in p for p in problems)
    assert any("labels must be a string" in p for p in problems)
    assert rules_problems({}, exposed) == ["the file needs a non-empty list under 'groups'"]
