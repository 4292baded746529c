"""Mirrors snippets/apis/design_etags.py: 304 with no body, 412 on a stale If-Match, 428."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread
from snippets.apis.design_etags import create_app, matches

NEW = {"title": "Kindred", "author": "Octavia E. Butler", "year": 1979}


def test_conditional_requests() -> None:
    with serve_in_thread(create_app()) as base, httpx.Client(base_url=base) as client:
        first = client.get("/books/1")
        tag = first.headers["etag"]
        assert tag.startswith('"') and tag.endswith('"')
        cached = client.get("/books/1", headers={"If-None-Match": f'"other", W/{tag}'})
        assert cached.status_code == 304 and cached.content == b""
        assert cached.headers["etag"] == tag
        assert client.get("/books/1", headers={"If-None-Match": '"other"'}).status_code == 200

        assert client.put("/books/1", json=NEW).status_code == 428
        assert client.put("/books/1", json=NEW, headers={"If-Match": f"W/{tag}"}).status_code \
            == 412  # If-Match compares strongly: a weak tag never matches
        updated = client.put("/books/1", json=NEW, headers={"If-Match": tag})
        assert updated.status_code == 200 and updated.headers["etag"] != tag
        stale = client.put("/books/1", json={**NEW, "year": 1997}, headers={"If-Match": tag})
        assert stale.status_code == 412
        assert stale.headers["etag"] == updated.headers["etag"]
        assert client.get("/books/1").json()["year"] == 1979  # the stale write did not land


def test_matches() -> None:
    assert matches('"a", "b"', '"b"', weak=False)
    assert matches("*", '"b"', weak=False)
    assert not matches('W/"b"', '"b"', weak=False)
    assert matches('W/"b"', '"b"', weak=True)
