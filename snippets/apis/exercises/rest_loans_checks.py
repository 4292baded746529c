"""Hidden checks for the rest_loans exercise."""

from __future__ import annotations

from types import ModuleType

from fastapi.testclient import TestClient

LOAN = {"book_id": 1, "member": "ada", "due": "2030-01-15"}


def _client(module: ModuleType) -> TestClient:
    return TestClient(module.create_app({1, 2, 3}))


def check_create(module: ModuleType) -> None:
    """POST /loans answers 201, a Location with the loan's path, and the loan with its id."""
    response = _client(module).post("/loans", json=LOAN)
    assert response.status_code == 201, f"POST /loans answered {response.status_code}, not 201"
    location = response.headers.get("location")
    assert location == "/loans/1", f"Location should be '/loans/1', got {location!r}"
    assert response.json() == {**LOAN, "id": 1}, f"unexpected body {response.json()}"


def check_location_works(module: ModuleType) -> None:
    """GET on the Location of a new loan returns that loan; a second loan gets id 2."""
    client = _client(module)
    client.post("/loans", json=LOAN)
    second = client.post("/loans", json={**LOAN, "book_id": 2})
    assert second.headers.get("location") == "/loans/2", "the second loan should be /loans/2"
    fetched = client.get(second.headers["location"])
    assert fetched.status_code == 200, f"GET on the Location gave {fetched.status_code}"
    assert fetched.json() == second.json(), "GET on the Location should return the same loan"


def check_missing(module: ModuleType) -> None:
    """GET and DELETE of a loan that does not exist answer 404."""
    client = _client(module)
    for method in ("GET", "DELETE"):
        response = client.request(method, "/loans/99")
        assert response.status_code == 404, f"{method} /loans/99 gave {response.status_code}"


def check_conflict(module: ModuleType) -> None:
    """Lending a book already on loan answers 409, and nothing is created."""
    client = _client(module)
    client.post("/loans", json=LOAN)
    again = client.post("/loans", json={**LOAN, "member": "grace"})
    assert again.status_code == 409, f"a second loan of book 1 gave {again.status_code}, not 409"
    assert client.get("/loans/2").status_code == 404, "the refused loan must not be stored"


def check_unknown_book(module: ModuleType) -> None:
    """Lending a book the library does not have answers 422; so does an invalid body."""
    client = _client(module)
    response = client.post("/loans", json={**LOAN, "book_id": 42})
    assert response.status_code == 422, f"book 42 does not exist: got {response.status_code}"
    bad = client.post("/loans", json={"book_id": 1, "member": ""})
    assert bad.status_code == 422, f"an empty member and no due date gave {bad.status_code}"


def check_return(module: ModuleType) -> None:
    """DELETE answers 204 with an empty body; the loan is gone and the book can be lent again."""
    client = _client(module)
    client.post("/loans", json=LOAN)
    gone = client.delete("/loans/1")
    assert gone.status_code == 204, f"DELETE /loans/1 gave {gone.status_code}, not 204"
    assert gone.content == b"", f"a 204 has no body, got {gone.content!r}"
    assert client.get("/loans/1").status_code == 404, "after DELETE, GET /loans/1 should be 404"
    again = client.post("/loans", json=LOAN)
    assert again.status_code == 201, f"a returned book could not be lent again: {again.status_code}"
