"""Mirrors snippets/apis/rest_errors.py: 404, 409 and 422, through the in-process TestClient."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from snippets.apis.rest_app import create_app
from snippets.apis.rest_errors import DAWN, KINDRED


@pytest.fixture()
def client() -> Iterator[TestClient]:
    with TestClient(create_app()) as http:
        http.post("/books", json=KINDRED)
        http.post("/books", json=DAWN)
        yield http


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_every_method_on_a_missing_book_is_404(client: TestClient, method: str) -> None:
    body = KINDRED if method in {"PUT", "PATCH"} else None
    response = client.request(method, "/books/42", json=body)
    assert response.status_code == 404
    assert response.json() == {"detail": "No book has id 42"}


def test_a_duplicate_isbn_is_409_and_nothing_changes(client: TestClient) -> None:
    assert client.post("/books", json={**KINDRED, "title": "Again"}).status_code == 409
    assert client.patch("/books/2", json={"isbn": KINDRED["isbn"]}).status_code == 409
    assert client.put("/books/2", json={**DAWN, "isbn": KINDRED["isbn"]}).status_code == 409
    assert len(client.get("/books").json()) == 2
    assert client.get("/books/2").json()["isbn"] == DAWN["isbn"]


def test_a_book_may_keep_its_own_isbn(client: TestClient) -> None:
    assert client.put("/books/1", json=KINDRED).status_code == 200
    assert client.patch("/books/1", json={"isbn": KINDRED["isbn"]}).status_code == 200


def test_invalid_input_is_422_with_one_error_per_field(client: TestClient) -> None:
    response = client.post("/books", json={"title": "", "year": "next year", "isbn": "12"})
    assert response.status_code == 422
    errors = {tuple(e["loc"]): e["type"] for e in response.json()["detail"]}
    assert errors == {
        ("body", "title"): "string_too_short",
        ("body", "author"): "missing",
        ("body", "year"): "int_parsing",
        ("body", "isbn"): "string_pattern_mismatch",
    }


@pytest.mark.parametrize(("path", "body", "where", "kind"), [
    ("/books/first", None, ("path", "book_id"), "int_parsing"),
    ("/books/1", {"year": None}, ("body", "year"), "value_error"),
    ("/books/1", {"titel": "Kindred"}, ("body", "titel"), "extra_forbidden"),
])
def test_other_422s(client: TestClient, path: str, body: object, where: tuple[str, str],
                    kind: str) -> None:
    method = "GET" if body is None else "PATCH"
    response = client.request(method, path, json=body)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (tuple(error["loc"]), error["type"]) == (where, kind)
    assert client.get("/books/1").json()["title"] == "Kindred"


def test_a_fresh_app_starts_empty() -> None:
    with TestClient(create_app()) as http:
        assert http.get("/books").json() == []
