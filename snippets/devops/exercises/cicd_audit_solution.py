"""Reference solution of the cicd_audit exercise."""

from __future__ import annotations

import re
from typing import Any

import yaml

VERSION_OR_SHA = re.compile(r"v\d+(\.\d+)*|[0-9a-f]{40}")
UNTRUSTED = re.compile(r"\$\{\{[^}]*(github\.event\.|github\.head_ref)")


def _events(on: Any) -> set[str]:
    if isinstance(on, str):
        return {on}
    return set(on or ())


def problems(text: str) -> set[str]:
    """The problems found in the workflow `text`."""
    workflow: dict[Any, Any] = yaml.safe_load(text)
    found: set[str] = set()
    if workflow.get("permissions") in (None, "write-all"):
        found.add("no-permissions")
    if "pull_request_target" in _events(workflow.get("on", workflow.get(True))):
        found.add("pull_request_target")
    for name, job in workflow.get("jobs", {}).items():
        for step in job.get("steps", []):
            uses = step.get("uses")
            if uses and not uses.startswith(("./", "docker://")):
                _, at, ref = uses.partition("@")
                if not at or not VERSION_OR_SHA.fullmatch(ref):
                    found.add(f"unpinned {uses}")
            if UNTRUSTED.search(step.get("run", "")):
                found.add(f"injection {name}")
    return found
