"""Mirrors snippets/security/audit_dependencies.py: pip-audit against a stand-in mirror."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from labkit.serve import serve_in_thread
from snippets.security.audit_dependencies import DEMO_PINS, create_mirror, pip_audit, verdict


@pytest.fixture()
def mirror(tmp_path: Path) -> list[str]:
    pins = tmp_path / "requirements.txt"
    shutil.copy(DEMO_PINS, pins)
    with serve_in_thread(create_mirror()) as base:
        yield ["-s", "osv", "--osv-url", f"{base}/v1/query", "--strict", "--disable-pip",
               "--no-deps", "-r", str(pins)]


def test_a_known_vulnerability_fails_the_audit(mirror: list[str]) -> None:
    done = pip_audit(*mirror)
    assert done.returncode == 1
    assert "LAB-2026-0001" in done.stdout and "1.2.1" in done.stdout
    assert verdict(done) == "Found 1 known vulnerability in 1 package"


def test_ignore_vuln_passes_and_says_so(mirror: list[str]) -> None:
    done = pip_audit(*mirror, "--ignore-vuln", "LAB-2026-0001")
    assert done.returncode == 0
    assert "1 ignored" in done.stderr


def test_fix_rewrites_the_pin(mirror: list[str]) -> None:
    pip_audit(*mirror, "--fix")
    pins = Path(mirror[-1]).read_text()
    assert "library-markup==1.2.1" in pins and "library-isbn==2.0.1" in pins


def test_an_unreachable_service_is_not_a_clean_audit() -> None:
    with serve_in_thread(create_mirror()) as base:
        dead = base.rsplit(":", 1)[0] + ":9"  # the discard port: nothing listens there
    done = pip_audit("-s", "osv", "--osv-url", f"{dead}/v1/query", "--strict", "--disable-pip",
                     "--no-deps", "-r", str(DEMO_PINS))
    assert done.returncode != 0
    assert verdict(done).startswith("NOT AUDITED")


def test_skipped_packages_are_never_called_clean() -> None:
    skipped = subprocess.CompletedProcess(
        [], 0,
        stdout="Name Skip Reason\nflask Dependency not found on PyPI and could not be audited\n",
        stderr="No known vulnerabilities found\n")
    assert verdict(skipped).startswith("NOT AUDITED: 1 packages skipped")
