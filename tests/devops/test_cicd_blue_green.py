"""Mirrors snippets/devops/cicd_blue_green.py: zero failures for blue-green, some in place."""

from __future__ import annotations

from snippets.devops.cicd_blue_green import Client, blue_green, deploy_under_load, in_place


def _deploy(strategy) -> Client:  # type: ignore[no-untyped-def]
    client, router = deploy_under_load(strategy)
    assert router.in_flight["1"] == 0
    return client


def test_blue_green_loses_no_request_and_switches_once() -> None:
    client = _deploy(blue_green)
    assert client.failed == 0
    versions = [version for version, _ in client.answers]
    switch = versions.index("2.1")
    assert set(versions[:switch]) == {"1"} and set(versions[switch:]) == {"2.1"}


def test_in_place_restart_loses_requests() -> None:
    client = _deploy(in_place)
    assert client.failed >= 1
    assert {status for _, status in client.answers} >= {200, 502}
