"""Mirrors snippets/apis/graphql_errors.py: errors come back as 200 with an "errors" array."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread
from snippets.apis import graphql_errors as s
from snippets.apis.graphql_app.app import create_app
from snippets.apis.graphql_app.data import open_library


def test_validation_error_is_200_and_nothing_runs() -> None:
    with serve_in_thread(create_app(open_library())) as base_url:
        response = httpx.post(f"{base_url}/graphql", json={"query": s.UNKNOWN_FIELD})
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert "publisher" in body["errors"][0]["message"]
    assert "path" not in body["errors"][0]


def test_failed_mutation_field_gives_partial_data_and_the_first_borrow_stays() -> None:
    conn = open_library()
    with serve_in_thread(create_app(conn)) as base_url:
        body = httpx.post(f"{base_url}/graphql", json={"query": s.TWO_BORROWS}).json()
    assert body["data"]["first"]["id"] > 0
    assert body["data"]["second"] is None
    assert body["errors"][0]["path"] == ["second"]
    rows = conn.execute("SELECT member FROM loans WHERE book_id = 4").fetchall()
    assert [tuple(row) for row in rows] == [("grace",)]


def test_missing_book_is_null_without_error_and_bad_json_is_400() -> None:
    with serve_in_thread(create_app(open_library())) as base_url:
        missing = httpx.post(f"{base_url}/graphql", json={"query": s.MISSING_BOOK}).json()
        bad = httpx.post(f"{base_url}/graphql", content=b"{query: books}",
                         headers={"content-type": "application/json"})
    assert missing == {"data": {"book": None}}
    assert bad.status_code == 400
