"""Generate Prometheus alerting rules from code and check their shape and metric names."""

from __future__ import annotations

import yaml

from snippets.devops.obs_kit.alerts import rules_problems, rules_yaml, slo_rules
from snippets.devops.obs_kit.service import exposed_metric_names


def main() -> None:
    """Print the rules file, read it back as Prometheus would, and check it."""
    # --8<-- [start:check]
    text = rules_yaml()
    loaded = yaml.safe_load(text)                   # what Prometheus reads is what we wrote
    assert loaded == slo_rules()
    for rule in loaded["groups"][0]["rules"]:
        print(f"{rule['alert']}: for {rule['for']}, severity {rule['labels']['severity']}")
    print("problems:", rules_problems(loaded, exposed_metric_names()) or "none")
    # --8<-- [end:check]
    # --8<-- [start:broken]
    loaded["groups"][0]["rules"][1]["for"] = "ten minutes"
    loaded["groups"][0]["rules"][1]["expr"] = "avg(library_http_latency_ms) > 300"
    print("problems in the edited copy:")
    for problem in rules_problems(loaded, exposed_metric_names()):
        print("  " + problem)
    # --8<-- [end:broken]


if __name__ == "__main__":
    main()
