"""Mirrors snippets/apis/graphql_vs_rest.py: REST needs 1 + 2N requests, GraphQL one."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread
from snippets.apis import graphql_vs_rest as s
from snippets.apis.graphql_app.app import create_app
from snippets.apis.graphql_app.data import open_library


def test_same_screen_fewer_requests_and_fewer_bytes_with_graphql() -> None:
    meters = {}
    with serve_in_thread(create_app(open_library())) as base_url:
        for name, build in [("rest", s.screen_with_rest), ("graphql", s.screen_with_graphql)]:
            meter = s.Meter()
            hooks = {"request": [meter.on_request], "response": [meter.on_response]}
            with httpx.Client(base_url=base_url, event_hooks=hooks) as client:
                rows = build(client)
            meters[name] = (meter, rows)
    rest, graphql = meters["rest"][0], meters["graphql"][0]
    assert meters["rest"][1] == meters["graphql"][1]
    loans = len(meters["rest"][1])
    assert rest.requests == 1 + 2 * loans
    assert graphql.requests == 1
    assert graphql.received < rest.received / 2
