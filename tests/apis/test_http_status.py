"""Mirrors snippets/apis/http_status.py: each status code with the header field it needs."""

from __future__ import annotations

import httpx

from snippets.apis.http_server import serve_library
from snippets.apis.http_status import BOOK, LIBRARIAN, MEMBER


def test_status_codes_and_their_header_fields() -> None:
    with serve_library() as (host, port), \
            httpx.Client(base_url=f"http://{host}:{port}") as client:
        unauthenticated = client.post("/books", json=BOOK)
        assert unauthenticated.status_code == 401
        assert unauthenticated.headers["www-authenticate"].startswith("Bearer")
        forbidden = client.post("/books", json=BOOK, headers=MEMBER)
        assert forbidden.status_code == 403 and "www-authenticate" not in forbidden.headers
        assert client.post("/books", content=b"x", headers={
            **LIBRARIAN, "Content-Type": "text/plain"}).status_code == 415
        assert client.post("/books", content=b"{", headers={
            **LIBRARIAN, "Content-Type": "application/json"}).status_code == 400
        assert client.post("/books", json={**BOOK, "year": "1974"},
                           headers=LIBRARIAN).status_code == 422
        created = client.post("/books", json=BOOK, headers=LIBRARIAN)
        assert created.status_code == 201
        assert client.get(created.headers["location"]).json()["title"] == BOOK["title"]
        assert client.post("/books", json=BOOK, headers=LIBRARIAN).status_code == 409
        tag = client.get("/books/2").headers["etag"]
        not_modified = client.get("/books/2", headers={"If-None-Match": tag})
        assert not_modified.status_code == 304 and not_modified.content == b""
        assert client.get("/books/2", headers={"If-None-Match": '"x"'}).status_code == 200
        ok = client.put("/books/2", json=BOOK | {"year": 1975},
                        headers={**LIBRARIAN, "If-Match": tag})
        assert ok.status_code == 200
        stale = client.put("/books/2", json=BOOK, headers={**LIBRARIAN, "If-Match": tag})
        assert stale.status_code == 412 and client.get("/books/2").json()["year"] == 1975
        deleted = client.delete("/books/2", headers=LIBRARIAN)
        assert deleted.status_code == 204 and deleted.content == b""
        assert client.get("/books/2").status_code == 404
        patch = client.patch("/books/1", json={})
        assert patch.status_code == 405 and "PATCH" not in patch.headers["allow"]
        moved = client.get("/catalogue")
        assert moved.status_code == 308 and moved.headers["location"] == "/books"
        assert client.get("/catalogue", follow_redirects=True).status_code == 200
        assert client.request("BREW", "/books").status_code == 501
