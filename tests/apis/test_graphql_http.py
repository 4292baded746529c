"""Mirrors snippets/apis/graphql_http.py: a query and a mutation over real HTTP on 127.0.0.1."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread
from snippets.apis import graphql_http as s
from snippets.apis.graphql_app.app import create_app
from snippets.apis.graphql_app.data import open_library


def test_query_returns_exactly_the_fields_asked_for_and_mutation_persists() -> None:
    conn = open_library()
    with serve_in_thread(create_app(conn)) as base_url, httpx.Client(base_url=base_url) as c:
        first = c.post("/graphql", json={"query": s.MEMBER_LOANS, "variables": {"member": "ada"}})
        assert first.status_code == 200
        loans = first.json()["data"]["loans"]
        assert len(loans) == 3
        assert set(loans[0]) == {"due", "book"}
        assert set(loans[0]["book"]) == {"title", "author"}

        loan = {"bookId": 6, "member": "ada", "due": "2025-04-01"}
        made = c.post("/graphql", json={"query": s.BORROW, "variables": {"loan": loan}}).json()
        assert made["data"]["borrowBook"]["book"]["title"] == "The Cyberiad"
    assert conn.execute("SELECT member FROM loans WHERE book_id = 6").fetchone()[0] == "ada"


def test_get_cannot_run_a_mutation() -> None:
    with serve_in_thread(create_app(open_library())) as base_url:
        response = httpx.get(f"{base_url}/graphql", params={"query": "mutation { __typename }"})
    assert response.status_code == 400
    assert "mutations are not allowed when using GET" in response.text
