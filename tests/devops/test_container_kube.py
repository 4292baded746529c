"""Mirrors snippets/devops/container_kube.py: probes fit the app, the pod fits the image."""

from __future__ import annotations

import asyncio
import copy

from snippets.devops.container_app.app import create_service
from snippets.devops.container_kube import checks, load, status_before_startup

DEPLOYMENT, SERVICE = load()


def test_every_claim_holds() -> None:
    assert all(holds for _, holds in checks(DEPLOYMENT, SERVICE))


def test_a_probe_on_a_missing_path_fails() -> None:
    deployment = copy.deepcopy(DEPLOYMENT)
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    container["readinessProbe"]["httpGet"]["path"] = "/ready"
    failed = [claim for claim, holds in checks(deployment, SERVICE) if not holds]
    assert failed == ["every probe calls an endpoint the app has"]


def test_root_user_fails() -> None:
    deployment = copy.deepcopy(DEPLOYMENT)
    deployment["spec"]["template"]["spec"]["securityContext"]["runAsUser"] = 0
    assert not all(holds for _, holds in checks(deployment, SERVICE))


def test_readiness_waits_for_startup_and_liveness_does_not() -> None:
    app = create_service()
    assert asyncio.run(status_before_startup(app, "/readyz")) == 503
    assert asyncio.run(status_before_startup(app, "/healthz")) == 200
