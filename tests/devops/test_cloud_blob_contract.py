"""Mirrors snippets/devops/cloud_blob_contract.py: one suite, every backend (and a broken one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from labkit.clock import FakeClock
from snippets.devops.cloud_blob_contract import NaiveLocalStore, run_contract
from snippets.devops.cloud_kit.blobstore import Signer
from snippets.devops.cloud_kit.contract import BACKENDS, CHECKS, START, Fixture, fresh


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_backend_meets_contract(backend: str, check: Callable[[Fixture], None],
                                tmp_path: Path) -> None:
    check(fresh(backend, tmp_path))


def test_the_suite_catches_the_naive_store() -> None:
    def naive(root: Path) -> Fixture:
        clock = FakeClock(START)
        signer = Signer(b"k", clock)
        return Fixture(NaiveLocalStore(root / "blobs", signer), signer, clock)

    outcomes = dict(run_contract(naive))
    assert outcomes["check_unsafe_keys"].startswith("FAILED")
    assert all(outcome == "ok" for name, outcome in outcomes.items()
               if name != "check_unsafe_keys")


def test_local_store_survives_a_new_instance(tmp_path: Path) -> None:
    first = fresh("local", tmp_path)
    first.store.put("covers/a.jpg", b"a")
    again = fresh("local", tmp_path)
    assert again.store.get("covers/a.jpg") == b"a"
    assert again.store.list() == ["covers/a.jpg"]  # staging files never listed
