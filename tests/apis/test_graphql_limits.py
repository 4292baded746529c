"""Mirrors snippets/apis/graphql_limits.py: nesting multiplies work; the limits refuse it."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread
from snippets.apis import graphql_http
from snippets.apis import graphql_limits as s
from snippets.apis.graphql_app.app import create_app
from snippets.apis.graphql_app.data import open_library


def test_each_hop_multiplies_the_response_without_limits() -> None:
    with serve_in_thread(create_app(open_library(), limits=False)) as base_url:
        sizes = [len(httpx.post(f"{base_url}/graphql", json={"query": s.nested(n)}).content)
                 for n in (1, 2, 3)]
    assert sizes[1] > 2 * sizes[0] and sizes[2] > 2 * sizes[1], sizes


def test_limits_refuse_deep_and_aliased_queries_but_not_the_real_screen() -> None:
    with serve_in_thread(create_app(open_library())) as base_url:
        def post(query: str, **variables: str) -> dict:
            return httpx.post(f"{base_url}/graphql",
                              json={"query": query, "variables": variables}).json()

        deep = post(s.nested(3))
        assert "data" not in deep or deep["data"] is None
        assert "exceeds maximum operation depth of 4" in deep["errors"][0]["message"]
        assert "aliases" in post(s.aliased(20))["errors"][0]["message"]
        assert "errors" not in post(s.aliased(10))
        assert "errors" not in post(graphql_http.MEMBER_LOANS, member="ada")
