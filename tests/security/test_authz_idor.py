"""Mirrors snippets/security/authz_idor.py: the IDOR works on the vulnerable app only."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI

from labkit.serve import serve_in_thread
from snippets.security.authz_idor import create_app, create_app_vulnerable


@pytest.fixture(params=["vulnerable", "fixed"])
def served(request: pytest.FixtureRequest) -> Iterator[tuple[str, FastAPI, httpx.Client]]:
    app = create_app_vulnerable() if request.param == "vulnerable" else create_app()
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        yield request.param, app, client


def test_alice_reads_bobs_invoice_only_on_the_vulnerable_app(served) -> None:
    kind, app, client = served
    alice = app.state.directory.headers("alice")
    response = client.get("/invoices/2", headers=alice)
    if kind == "vulnerable":
        assert response.status_code == 200 and response.json()["owner_id"] == 2
    else:
        assert response.status_code == 404


def test_alice_redirects_bobs_payment_only_on_the_vulnerable_app(served) -> None:
    kind, app, client = served
    alice = app.state.directory.headers("alice")
    response = client.patch("/invoices/2", json={"pay_to": "alice-bank"}, headers=alice)
    stored = app.state.invoices.one("SELECT pay_to FROM invoices WHERE id = 2")["pay_to"]
    if kind == "vulnerable":
        assert response.status_code == 200 and stored == "alice-bank"
    else:
        assert response.status_code == 404 and stored == "bob-bank"


def test_owners_keep_full_access(served) -> None:
    _, app, client = served
    bob = app.state.directory.headers("bob")
    assert client.get("/invoices/3", headers=bob).status_code == 200
    response = client.patch("/invoices/3", json={"pay_to": "bob-new-bank"}, headers=bob)
    assert response.status_code == 200 and response.json()["pay_to"] == "bob-new-bank"


def test_fixed_app_answers_the_same_for_missing_and_foreign_ids() -> None:
    app = create_app()
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        alice = app.state.directory.headers("alice")
        foreign, missing = client.get("/invoices/2", headers=alice), client.get(
            "/invoices/99", headers=alice)
    assert foreign.status_code == missing.status_code == 404
    assert foreign.content == missing.content  # nothing tells the two apart


def test_enumeration_finds_only_her_own_invoice_on_the_fixed_app() -> None:
    app = create_app()
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        alice = app.state.directory.headers("alice")
        readable = [n for n in range(1, 10)
                    if client.get(f"/invoices/{n}", headers=alice).status_code == 200]
    assert readable == [1]
