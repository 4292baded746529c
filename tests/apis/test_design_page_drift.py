"""Mirrors snippets/apis/design_page_drift.py: an insert repeats a row by offset, not by cursor."""

from __future__ import annotations

import sqlite3

import httpx

from labkit.serve import serve_in_thread
from snippets.apis.design_page_drift import TITLES, create_app


def test_offset_repeats_cursor_does_not() -> None:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
    conn.executemany("INSERT INTO books (title) VALUES (?)", [(t,) for t in TITLES])
    with serve_in_thread(create_app(conn)) as base, httpx.Client(base_url=base) as client:
        one = client.get("/books/newest-by-offset").json()
        client.post("/books", params={"title": "New 1"})
        two = client.get("/books/newest-by-offset", params={"offset": 3}).json()
        assert set(one) & set(two) == {one[-1]}

        first = client.get("/books/newest").json()
        client.post("/books", params={"title": "New 2"})
        second = client.get("/books/newest", params={"before": first["next_before"]}).json()
        assert not set(first["titles"]) & set(second["titles"])
        assert TITLES.index(second["titles"][0]) == TITLES.index(first["titles"][-1]) - 1
