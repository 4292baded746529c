"""Mirrors snippets/devops/rel_edge.py: the edge answers 429 before the app sees the request."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread
from snippets.devops.rel_kit.edge import counted_library, edge_proxy


def test_proxy_forwards_and_limits() -> None:
    allowed = {"ada": 2}

    def limiter(client: str) -> float:
        allowed[client] = allowed.get(client, 0) - 1
        return 0.0 if allowed[client] >= 0 else 1.2

    app, seen = counted_library()
    with serve_in_thread(app) as upstream, \
            serve_in_thread(edge_proxy(upstream, limiter)) as edge, \
            httpx.Client(base_url=edge) as client:
        created = client.post("/books", headers={"Api-Key": "ada"},
                              json={"title": "Kindred", "author": "Octavia E. Butler",
                                    "year": 1979, "isbn": "9780807083697"})
        assert created.status_code == 201 and created.headers["location"] == "/books/1"
        assert client.get("/books/1", headers={"Api-Key": "ada"}).json()["title"] == "Kindred"
        limited = client.get("/books", headers={"Api-Key": "ada"})
        assert limited.status_code == 429 and limited.headers["retry-after"] == "2"
        assert seen["requests"] == 2
