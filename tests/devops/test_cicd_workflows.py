"""Mirrors snippets/devops/cicd_workflows.py: our workflows, read and linted for real."""

from __future__ import annotations

import re

import pytest

from labkit import paths
from snippets.devops.cicd_kit.workflows import (
    WORKFLOWS,
    actionlint,
    actionlint_binary,
    load,
    summary,
)

KIT = paths.ROOT / "snippets" / "devops" / "cicd_kit"


@pytest.fixture(autouse=True)
def _needs_actionlint() -> None:
    if not actionlint_binary():
        pytest.skip("actionlint is not installed (make setup installs it)")


def test_on_is_read_as_the_trigger_key_not_as_true() -> None:
    tests = load(WORKFLOWS / "tests.yml")
    assert set(tests["on"]) == {"pull_request", "push", "workflow_dispatch"}
    assert True not in tests


def test_least_privilege_everywhere() -> None:
    """contents: read for every workflow; write scopes only on the job that deploys."""
    for path in sorted(WORKFLOWS.glob("*.yml")):
        workflow = load(path)
        assert workflow["permissions"] == {"contents": "read"}, path.name
        for name, job in workflow["jobs"].items():
            if name == "deploy":
                assert job["permissions"] == {"pages": "write", "id-token": "write"}
            else:
                assert "permissions" not in job, f"{path.name}: {name}"


def test_every_action_is_pinned_to_a_version() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for job in load(path)["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]


def test_summary_names_services_health_checks_and_the_matrix() -> None:
    lines = "\n".join(summary(load(WORKFLOWS / "tests.yml")))
    assert "service postgres: image postgres:15\n    health-cmd: pg_isready -U postgres" in lines
    assert "health-cmd: redis-cli ping" in lines
    assert "matrix: python: 3.11 3.12" in lines
    deploy = "\n".join(summary(load(WORKFLOWS / "deploy.yml")))
    assert "environment: github-pages" in deploy and "needs build" in deploy


def test_our_workflows_pass_actionlint() -> None:
    assert actionlint(*sorted(WORKFLOWS.glob("*.yml"))) == (0, [])


def test_the_broken_workflow_has_three_findings_where_the_page_says() -> None:
    code, findings = actionlint(KIT / "broken.yml")
    assert code == 1
    found = {(f.line, f.kind) for f in findings}
    assert found == {(13, "runner-label"), (16, "expression"), (18, "expression")}
    injection = next(f for f in findings if f.line == 16)
    assert "github.event.pull_request.title" in injection.message
    assert "untrusted" in injection.message


def test_the_fix_passes() -> None:
    assert actionlint(KIT / "fixed.yml") == (0, [])
