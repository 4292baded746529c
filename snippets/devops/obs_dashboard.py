"""Generate the Grafana dashboard from code and check it against the metrics the service exposes."""

from __future__ import annotations

import copy

from snippets.devops.obs_kit.dashboard import dashboard_problems, red_dashboard
from snippets.devops.obs_kit.service import exposed_metric_names


def main() -> None:
    """Build the dashboard, check it, then check a copy with two mistakes."""
    # --8<-- [start:check]
    exposed = exposed_metric_names()
    print("the service exposes:")
    for name in sorted(n for n in exposed if n.startswith("library_")):
        print("  " + name)
    dashboard = red_dashboard()
    for item in dashboard["panels"]:
        print(f"panel {item['id']} {item['title']!r}: {item['targets'][0]['expr']}")
    print("problems:", dashboard_problems(dashboard, exposed) or "none")
    # --8<-- [end:check]
    # --8<-- [start:broken]
    broken = copy.deepcopy(dashboard)
    target = broken["panels"][0]["targets"][0]
    target["expr"] = target["expr"].replace("requests_total", "request_total")  # a typo
    broken["panels"][1]["gridPos"]["w"] = 16                       # 12 + 16 > 24 columns
    print("problems in the edited copy:")
    for problem in dashboard_problems(broken, exposed):
        print("  " + problem)
    # --8<-- [end:broken]


if __name__ == "__main__":
    main()
