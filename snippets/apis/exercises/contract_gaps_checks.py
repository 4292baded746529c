"""Hidden checks for the contract_gaps exercise."""

from types import ModuleType
from typing import Any


def _doc(paths: dict[str, Any]) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}


OK = {"description": "OK"}
BOOK_ID = {"name": "book_id", "in": "path", "required": True, "schema": {"type": "integer"}}


def check_complete_document_has_no_gaps(module: ModuleType) -> None:
    """A document that declares everything gives an empty list."""
    doc = _doc({"/books/{book_id}": {"get": {
        "parameters": [BOOK_ID],
        "responses": {"200": OK, "404": OK, "422": OK}}}})
    got = module.missing_responses(doc)
    assert got == [], f"nothing is missing here, but missing_responses returned {got!r}"


def check_missing_404(module: ModuleType) -> None:
    """A path parameter without a 404 is reported, with the method in upper case."""
    doc = _doc({"/books/{book_id}": {"get": {
        "parameters": [BOOK_ID], "responses": {"200": OK, "422": OK}}}})
    got = module.missing_responses(doc)
    assert got == ["GET /books/{book_id}: missing 404"], (
        f"expected ['GET /books/{{book_id}}: missing 404'], got {got!r}")


def check_missing_2xx(module: ModuleType) -> None:
    """An operation with no 2xx response is reported; 201 or 204 count as 2xx."""
    doc = _doc({
        "/books": {"delete": {"responses": {"default": OK}},
                   "get": {"responses": {"204": OK}}},
    })
    got = module.missing_responses(doc)
    assert got == ["DELETE /books: missing 2xx"], f"expected only the DELETE, got {got!r}"


def check_body_needs_client_error(module: ModuleType) -> None:
    """A request body or a query parameter without 400 or 422 is reported; either one is enough."""
    doc = _doc({
        "/books": {
            "post": {"requestBody": {"content": {}}, "responses": {"201": OK}},
            "get": {"parameters": [{"name": "author", "in": "query"}],
                    "responses": {"200": OK, "400": OK}},
        },
    })
    got = module.missing_responses(doc)
    assert got == ["POST /books: missing 400 or 422"], (
        f"expected ['POST /books: missing 400 or 422'], got {got!r}")


def check_path_item_parameters(module: ModuleType) -> None:
    """Parameters on the path item apply to its operations, and are not an operation themselves."""
    doc = _doc({"/books/{book_id}/loans": {
        "summary": "Loans of one book",
        "parameters": [BOOK_ID],
        "post": {"responses": {"201": OK, "422": OK}},
    }})
    got = module.missing_responses(doc)
    assert got == ["POST /books/{book_id}/loans: missing 404"], (
        "the path-level book_id parameter applies to POST, so 404 is missing; "
        f"got {got!r}")


def check_sorted_and_complete(module: ModuleType) -> None:
    """Several gaps come back sorted, one label per gap."""
    doc = _doc({
        "/b/{id}": {"put": {"parameters": [{"name": "id", "in": "path"}], "responses": {}}},
        "/a": {"get": {"responses": {"200": OK}}},
    })
    got = module.missing_responses(doc)
    expected = ["PUT /b/{id}: missing 2xx", "PUT /b/{id}: missing 400 or 422",
                "PUT /b/{id}: missing 404"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def check_real_fastapi_document(module: ModuleType) -> None:
    """On the page's bare FastAPI app, the only gap is the undeclared 404."""
    from snippets.apis.contract_app.bare import app

    got = module.missing_responses(app.openapi())
    assert got == ["GET /books/{book_id}: missing 404"], f"got {got!r}"
