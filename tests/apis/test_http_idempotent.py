"""Mirrors snippets/apis/http_idempotent.py: PUT and DELETE twice = once; POST twice is not."""

from __future__ import annotations

import httpx

from snippets.apis.http_idempotent import KINDRED, LIBRARIAN
from snippets.apis.http_server import serve_library


def test_retries() -> None:
    with serve_library() as (host, port), \
            httpx.Client(base_url=f"http://{host}:{port}", headers=LIBRARIAN) as client:
        for _ in range(3):
            assert client.put("/books/1", json={**KINDRED, "year": 1980}).status_code == 200
        assert client.get("/books/1").json()["year"] == 1980
        loan = {"book_id": 1, "member": "ada"}
        for _ in range(3):
            assert client.post("/loans", json=loan).status_code == 201
        assert len(client.get("/loans").json()) == 3  # three loans for one intent
        statuses = [client.delete("/books/1").status_code for _ in range(2)]
        assert statuses == [204, 404]  # different responses ...
        assert client.get("/books").json() == []  # ... same state: idempotent
