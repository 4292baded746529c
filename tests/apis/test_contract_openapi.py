"""Mirrors snippets/apis/contract_openapi.py: what declaring things adds to the OpenAPI document."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread
from snippets.apis.contract_app import build_app
from snippets.apis.contract_app.bare import app as bare_app
from snippets.apis.exercises.contract_gaps_solution import missing_responses


def test_fastapi_serves_openapi_3_1_over_http() -> None:
    with serve_in_thread(build_app()) as base_url:
        document = httpx.get(f"{base_url}/openapi.json", timeout=5).json()
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) == {"/books", "/books/{book_id}", "/books/{book_id}/loans"}


def test_bare_route_documents_an_empty_schema_and_no_404() -> None:
    responses = bare_app.openapi()["paths"]["/books/{book_id}"]["get"]["responses"]
    assert set(responses) == {"200", "422"}
    assert responses["200"]["content"]["application/json"]["schema"] == {}
    assert missing_responses(bare_app.openapi()) == ["GET /books/{book_id}: missing 404"]


def test_documented_route_has_docstring_model_and_404() -> None:
    document = build_app().openapi()
    operation = document["paths"]["/books/{book_id}"]["get"]
    assert operation["description"] == "Return one book."
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/Book"}
    missing = operation["responses"]["404"]["content"]["application/json"]["schema"]
    assert missing == {"$ref": "#/components/schemas/Problem"}
    assert missing_responses(document) == []


def test_examples_and_constraints_reach_the_schema() -> None:
    book_in = build_app().openapi()["components"]["schemas"]["BookIn"]
    assert book_in["examples"][0]["isbn"] == "9780060512750"
    assert book_in["properties"]["isbn"]["pattern"] == r"^\d{13}$"
    assert book_in["properties"]["year"]["minimum"] == 1450


def test_only_the_fixed_version_bounds_days() -> None:
    def days(fixed: bool) -> dict[str, object]:
        schemas = build_app(fixed=fixed).openapi()["components"]["schemas"]
        name = "LoanRequest" if fixed else "LoanRequestV1"
        return schemas[name]["properties"]["days"]

    assert "maximum" not in days(False)
    assert (days(True)["minimum"], days(True)["maximum"]) == (1, 60)
