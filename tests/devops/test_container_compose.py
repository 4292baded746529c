"""Mirrors snippets/devops/container_compose.py: compose.yaml says what the page says."""

from __future__ import annotations

import copy

import yaml

from snippets.devops.container_compose import COMPOSE, checks

SPEC = yaml.safe_load(COMPOSE.read_text())


def test_every_claim_holds() -> None:
    assert all(holds for _, holds in checks(SPEC, COMPOSE.parent))


def test_a_written_password_fails() -> None:
    spec = copy.deepcopy(SPEC)
    spec["services"]["db"]["environment"]["POSTGRES_PASSWORD"] = "hunter2"
    failed = [claim for claim, holds in checks(spec, COMPOSE.parent) if not holds]
    assert failed == ["passwords come from the environment, never the file"]


def test_a_latest_image_and_a_public_port_fail() -> None:
    spec = copy.deepcopy(SPEC)
    spec["services"]["cache"]["image"] = "redis:latest"
    spec["services"]["api"]["ports"] = ["0.0.0.0:8000:8000"]
    failed = {claim for claim, holds in checks(spec, COMPOSE.parent) if not holds}
    assert failed == {"images are pinned to a version tag", "api is published on 127.0.0.1 only"}


def test_waiting_for_a_service_without_healthcheck_fails() -> None:
    spec = copy.deepcopy(SPEC)
    del spec["services"]["cache"]["healthcheck"]
    failed = [claim for claim, holds in checks(spec, COMPOSE.parent) if not holds]
    assert failed == ["every service api waits for has a healthcheck"]


def test_no_obsolete_version_key() -> None:
    assert "version" not in SPEC  # the Compose Specification makes it obsolete
