"""Prometheus alerting rules generated from code, and a structural checker for them."""

from __future__ import annotations

import re
from typing import Any

import yaml

from snippets.devops.obs_kit.promql import metric_names
from snippets.devops.obs_kit.queries import (
    ERROR_RATIO,
    ERROR_RATIO_LIMIT,
    LATENCY_SLO_SECONDS,
    P95_LATENCY,
)

RUNBOOK = "https://runbooks.example.com/library-api"


# --8<-- [start:rules]
def slo_rules() -> dict[str, Any]:
    """Two symptom alerts: too many failed requests, and a p95 latency above the SLO."""
    return {"groups": [{"name": "library-api-symptoms", "rules": [
        {"alert": "LibraryApiHighErrorRatio",
         "expr": f"{ERROR_RATIO} > {ERROR_RATIO_LIMIT}",
         "for": "5m",
         "labels": {"severity": "page", "service": "library-api"},
         "annotations": {
             "summary": "More than 5% of library API requests fail with a 5xx",
             "description": "Error ratio over the last 5 minutes: {{ $value }}",
             "runbook_url": f"{RUNBOOK}#high-error-ratio"}},
        {"alert": "LibraryApiSlowResponses",
         "expr": f"{P95_LATENCY} > {LATENCY_SLO_SECONDS}",
         "for": "10m",
         "labels": {"severity": "page", "service": "library-api"},
         "annotations": {
             "summary": "p95 latency of the library API is above the 300 ms objective",
             "description": "p95 over the last 5 minutes: {{ $value }} s",
             "runbook_url": f"{RUNBOOK}#slow-responses"}},
    ]}]}


def rules_yaml() -> str:
    """The rules file Prometheus loads (rule_files: in prometheus.yml)."""
    return yaml.safe_dump(slo_rules(), sort_keys=False, width=200)
# --8<-- [end:rules]


DURATION = re.compile(r"(\d+(ms|s|m|h|d|w|y))+")
NAME = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")


# --8<-- [start:check]
def rules_problems(rules: dict[str, Any], exposed: set[str]) -> list[str]:
    """What is wrong with a rules file: its shape, its durations, and unknown metric names."""
    problems = []
    groups = rules.get("groups")
    if not isinstance(groups, list) or not groups:
        return ["the file needs a non-empty list under 'groups'"]
    for group in groups:
        if not group.get("name") or not isinstance(group.get("rules"), list):
            problems.append(f"group {group.get('name')!r} needs a name and a list of rules")
            continue
        for rule in group["rules"]:
            alert = rule.get("alert", "")
            if not NAME.fullmatch(alert):
                problems.append(f"alert name {alert!r} is not a valid metric name")
            if not isinstance(rule.get("expr"), str):
                problems.append(f"{alert}: expr must be a PromQL string")
            if "for" in rule and not DURATION.fullmatch(str(rule["for"])):
                problems.append(f"{alert}: 'for' must be a duration such as 5m")
            for field in ("labels", "annotations"):
                values = rule.get(field, {})
                if not all(isinstance(v, str) for v in values.values()):
                    problems.append(f"{alert}: every value in {field} must be a string")
            for unknown in sorted(metric_names(str(rule.get("expr", ""))) - exposed):
                problems.append(f"{alert}: {unknown} is not exposed by the service")
    return problems
# --8<-- [end:check]
