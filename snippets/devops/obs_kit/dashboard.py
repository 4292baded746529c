"""A Grafana dashboard (classic JSON model) generated from code, and a checker for it."""

from __future__ import annotations

import json
from typing import Any

from snippets.devops.obs_kit.promql import metric_names
from snippets.devops.obs_kit.queries import ERROR_RATIO, IN_FLIGHT, P95_LATENCY, REQUEST_RATE

DATASOURCE = {"type": "prometheus", "uid": "${datasource}"}
"""Every panel asks the Prometheus data source chosen in the dashboard's variable."""


# --8<-- [start:panel]
def panel(panel_id: int, title: str, expr: str, unit: str, legend: str, *, x: int, y: int,
          ) -> dict[str, Any]:
    """One time-series panel, 12 of the 24 grid columns wide and 8 rows high."""
    return {
        "id": panel_id, "type": "timeseries", "title": title, "datasource": DATASOURCE,
        "gridPos": {"h": 8, "w": 12, "x": x, "y": y},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "targets": [{"refId": "A", "datasource": DATASOURCE, "expr": expr,
                     "legendFormat": legend}],
    }


def red_dashboard() -> dict[str, Any]:
    """Rate, errors and duration (plus in-flight requests) of the library API."""
    return {
        "uid": "library-api-red", "title": "Library API: RED", "tags": ["library", "red"],
        "timezone": "utc", "editable": True, "graphTooltip": 1, "schemaVersion": 39,
        "version": 1, "refresh": "30s", "time": {"from": "now-6h", "to": "now"},
        "templating": {"list": [{"name": "datasource", "label": "Prometheus",
                                 "type": "datasource", "query": "prometheus"}]},
        "annotations": {"list": []},
        "panels": [
            panel(1, "Request rate by route", REQUEST_RATE, "reqps", "{{route}}", x=0, y=0),
            panel(2, "Error ratio (5xx)", ERROR_RATIO, "percentunit", "errors", x=12, y=0),
            panel(3, "p95 latency", P95_LATENCY, "s", "p95", x=0, y=8),
            panel(4, "Requests in flight", IN_FLIGHT, "short", "in flight", x=12, y=8),
        ],
    }
# --8<-- [end:panel]


def dashboard_json() -> str:
    """The dashboard as the file Grafana imports (stable key order, two-space indent)."""
    return json.dumps(red_dashboard(), indent=2) + "\n"


# --8<-- [start:check]
def dashboard_problems(dashboard: dict[str, Any], exposed: set[str]) -> list[str]:
    """What is wrong with a dashboard: missing fields, bad grid positions, unknown metrics."""
    problems = [f"dashboard lacks {key!r}" for key in ("uid", "title", "schemaVersion", "panels")
                if key not in dashboard]
    if not isinstance(dashboard.get("schemaVersion"), int):
        problems.append("schemaVersion must be an integer")
    for item in dashboard.get("panels", []):
        name = f"panel {item.get('id')} ({item.get('title')!r})"
        problems += [f"{name} lacks {key!r}" for key in ("id", "type", "title", "datasource")
                     if key not in item]
        grid = item.get("gridPos", {})
        if not all(isinstance(grid.get(key), int) for key in "hwxy"):
            problems.append(f"{name}: gridPos needs integer h, w, x and y")
        elif not (grid["w"] >= 1 and grid["x"] >= 0 and grid["x"] + grid["w"] <= 24):
            problems.append(f"{name}: gridPos goes past the 24 columns")
        if not item.get("targets"):
            problems.append(f"{name} has no targets")
        for target in item.get("targets", []):
            if not target.get("refId") or not target.get("expr"):
                problems.append(f"{name}: a target lacks refId or expr")
            for unknown in sorted(metric_names(target.get("expr", "")) - exposed):
                problems.append(f"{name}: {unknown} is not exposed by the service")
    return problems
# --8<-- [end:check]
