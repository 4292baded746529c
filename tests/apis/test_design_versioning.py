"""Mirrors snippets/apis/design_versioning.py: three ways to pick a version, and what breaks."""

from __future__ import annotations

import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.apis.design_versioning import (
    BookV1,
    BookV1Plus,
    BookV2,
    breaking_changes,
    create_app,
)


@pytest.fixture(scope="module")
def client() -> httpx.Client:
    with serve_in_thread(create_app()) as base, httpx.Client(base_url=base) as http:
        yield http


@pytest.mark.parametrize(("path", "headers"), [
    ("/v2/books/1", {}), ("/books/1", {"API-Version": "2"}),
    ("/books/1", {"Accept": "application/vnd.library.v2+json"}),
])
def test_every_style_reaches_v2(client: httpx.Client, path: str, headers: dict) -> None:
    body = client.get(path, headers=headers).json()
    assert body["authors"] == ["Terry Pratchett", "Neil Gaiman"] and "author" not in body


def test_default_is_v1_and_vary_is_set(client: httpx.Client) -> None:
    response = client.get("/books/1")
    assert "author" in response.json()
    assert "API-Version" in response.headers["vary"] and "Accept" in response.headers["vary"]
    assert client.get("/v3/books/1").status_code == 404


def test_breaking_changes() -> None:
    assert breaking_changes(BookV1, BookV2) == ["field 'author' removed or renamed"]
    assert breaking_changes(BookV1, BookV1Plus) == []
    BookV1.model_validate(BookV1Plus(id=1, title="t", author="a", year=1).model_dump())
