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
