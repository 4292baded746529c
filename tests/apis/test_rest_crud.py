"""Mirrors snippets/apis/rest_crud.py: the CRUD round trip, over real HTTP to a uvicorn process."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from labkit.serve import serve_process
from snippets.apis.rest_crud import DISPOSSESSED, KINDRED


@pytest.fixture()
def client() -> Iterator[httpx.Client]:
    with (serve_process("snippets.apis.rest_app:app") as base,
          httpx.Client(base_url=base) as http):
        yield http


def test_post_answers_201_with_a_location_that_works(client: httpx.Client) -> None:
    created = client.post("/books", json=DISPOSSESSED)
    assert created.status_code == 201
    assert created.headers["location"] == "/books/1"
    assert created.json() == {"id": 1, **DISPOSSESSED}
    fetched = client.get(created.headers["location"])
    assert fetched.status_code == 200
    assert fetched.json() == created.json()


def test_the_collection_lists_every_book_in_id_order(client: httpx.Client) -> None:
    client.post("/books", json=DISPOSSESSED)
    client.post("/books", json=KINDRED)
    assert [book["id"] for book in client.get("/books").json()] == [1, 2]


def test_put_replaces_and_needs_every_field(client: httpx.Client) -> None:
    client.post("/books", json=KINDRED)
    partial = client.put("/books/1", json={"author": "Octavia E. Butler"})
    assert partial.status_code == 422
    missing = {error["loc"][-1] for error in partial.json()["detail"]}
    assert missing == {"title", "year", "isbn"}
    replaced = client.put("/books/1", json={**KINDRED, "author": "Octavia E. Butler"})
    assert replaced.status_code == 200
    assert replaced.json()["author"] == "Octavia E. Butler"


def test_patch_changes_only_what_was_sent(client: httpx.Client) -> None:
    client.post("/books", json=DISPOSSESSED)
    patched = client.patch("/books/1", json={"year": 1975})
    assert patched.status_code == 200
    assert patched.json() == {"id": 1, **DISPOSSESSED, "year": 1975}
    assert client.get("/books/1").json() == patched.json()


def test_delete_answers_204_with_no_body(client: httpx.Client) -> None:
    client.post("/books", json=DISPOSSESSED)
    deleted = client.delete("/books/1")
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert "content-length" not in deleted.headers or deleted.headers["content-length"] == "0"
    assert client.get("/books/1").status_code == 404
    assert client.delete("/books/1").status_code == 404


def test_ids_are_not_reused_after_a_delete(client: httpx.Client) -> None:
    client.post("/books", json=DISPOSSESSED)
    client.delete("/books/1")
    again = client.post("/books", json=DISPOSSESSED)
    assert again.headers["location"] == "/books/2"


def test_the_server_is_a_real_uvicorn_process(client: httpx.Client) -> None:
    response = client.get("/books")
    assert response.headers["server"] == "uvicorn"
    assert response.http_version == "HTTP/1.1"
