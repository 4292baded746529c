"""Mirrors snippets/apis/design_errors.py: every error is an RFC 9457 problem details object."""

from __future__ import annotations

import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.apis.design_errors import create_app

MEMBERS = {"type", "title", "status", "detail", "instance"}


@pytest.fixture()
def client() -> httpx.Client:
    with serve_in_thread(create_app()) as base, httpx.Client(base_url=base) as http:
        yield http


@pytest.mark.parametrize(("method", "path", "body", "status"), [
    ("POST", "/loans", {"book_id": 7, "member": "ada"}, 404),
    ("POST", "/loans", {"book_id": 2, "member": "ada"}, 409),
    ("POST", "/loans", {"book_id": "two"}, 422),
    ("GET", "/shelves", None, 404),
    ("DELETE", "/loans", None, 405),
    ("GET", "/reports/overdue", None, 500),
])
def test_every_error_is_a_problem(client: httpx.Client, method: str, path: str,
                                  body: object, status: int) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem.keys() >= MEMBERS
    assert problem["status"] == status  # RFC 9457 §3.1.3: the same code as the response
    assert problem["instance"] == path


def test_problem_types_and_extensions(client: httpx.Client) -> None:
    conflict = client.post("/loans", json={"book_id": 2, "member": "ada"}).json()
    assert conflict["type"] == "https://library.example/problems/book-on-loan"
    assert conflict["book_id"] == 2  # an extension member
    invalid = client.post("/loans", json={"book_id": "two"}).json()
    assert {e["where"] for e in invalid["errors"]} == {"body.book_id", "body.member"}
    generic = client.get("/shelves").json()
    assert generic["type"] == "about:blank" and generic["title"] == "Not Found"


def test_a_bug_leaks_nothing(client: httpx.Client) -> None:
    text = client.get("/reports/overdue").text
    assert "ZeroDivisionError" not in text and "Traceback" not in text


def test_405_keeps_its_allow_header(client: httpx.Client) -> None:
    response = client.delete("/loans")
    assert response.headers["allow"] == "POST"
