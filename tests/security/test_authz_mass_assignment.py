"""Mirrors snippets/security/authz_mass_assignment.py: extra fields are refused by the fix."""

from __future__ import annotations

import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.security.authz_mass_assignment import (
    InvoiceIn,
    ProfileChange,
    create_app,
    create_app_vulnerable,
)

PROMOTE = {"display_name": "Alice", "is_admin": True}
FORGED = {"customer": "Initech", "amount_cents": 5000, "pay_to": "alice-bank", "owner_id": 2}


def test_the_vulnerable_app_lets_alice_promote_herself_and_forge_an_owner() -> None:
    app = create_app_vulnerable()
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        alice = app.state.directory.headers("alice")
        assert client.patch("/me", json=PROMOTE, headers=alice).status_code == 200
        assert client.post("/invoices", json=FORGED, headers=alice).status_code == 201
    assert app.state.profiles[1]["is_admin"] is True
    assert app.state.invoices.one("SELECT owner_id FROM invoices WHERE customer = 'Initech'") == {
        "owner_id": 2}


def test_the_fixed_app_refuses_both_and_changes_nothing() -> None:
    app = create_app()
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        alice = app.state.directory.headers("alice")
        assert client.patch("/me", json=PROMOTE, headers=alice).status_code == 422
        assert client.post("/invoices", json=FORGED, headers=alice).status_code == 422
        legit = {k: v for k, v in FORGED.items() if k != "owner_id"}
        created = client.post("/invoices", json=legit, headers=alice)
        assert created.status_code == 201 and created.json()["owner_id"] == 1
        renamed = client.patch("/me", json={"display_name": "Ally"}, headers=alice)
        assert renamed.json() == {"display_name": "Ally", "is_admin": False}
    assert app.state.profiles[1]["is_admin"] is False


@pytest.mark.parametrize("model", [ProfileChange, InvoiceIn])
def test_input_models_forbid_unknown_fields(model: type) -> None:
    assert model.model_config["extra"] == "forbid"
    assert "owner_id" not in model.model_fields and "is_admin" not in model.model_fields
