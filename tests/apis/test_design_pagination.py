"""Mirrors snippets/apis/design_pagination.py: cursor pages equal offset pages, and cost less."""

from __future__ import annotations

import sqlite3

import httpx

from labkit.serve import serve_in_thread
from snippets.apis import design_pagination as pagination


def books(count: int) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
                 " author TEXT NOT NULL, year INTEGER NOT NULL)")
    conn.executemany("INSERT INTO books VALUES (?, ?, 'a', 2000)",
                     ((n, f"Book {n}") for n in range(1, count + 1)))
    return conn


def test_following_next_visits_every_book_once() -> None:
    conn = books(95)
    with serve_in_thread(pagination.create_app(conn)) as base, \
            httpx.Client(base_url=base) as client:
        seen, url = [], "/books?limit=20"
        while url:
            page = client.get(url).json()
            seen += [b["id"] for b in page["items"]]
            url = page["next"]
        assert seen == list(range(1, 96))
        assert client.get("/books", params={"cursor": "!!"}).status_code == 400


def test_cursor_round_trip_and_forgery() -> None:
    assert pagination.decode_cursor(pagination.encode_cursor(180_000)) == 180_000
    for forged in ("bm9wZQ", "e30", "x"):
        try:
            pagination.decode_cursor(forged)
        except pagination.Problem as problem:
            assert problem.status == 400
        else:
            raise AssertionError(f"{forged!r} was accepted")


def test_offset_scans_keyset_searches() -> None:
    conn = books(2_000)
    assert pagination.offset_page(conn, 1_500, 20) == pagination.keyset_page(conn, 1_500, 20)
    offset_plan = conn.execute("EXPLAIN QUERY PLAN SELECT id, title FROM books ORDER BY id "
                               "LIMIT 20 OFFSET 1500").fetchall()
    keyset_plan = conn.execute("EXPLAIN QUERY PLAN SELECT id, title FROM books WHERE id > 1500"
                               " ORDER BY id LIMIT 20").fetchall()
    assert "SCAN books" in offset_plan[0][3]
    assert "SEARCH books USING INTEGER PRIMARY KEY" in keyset_plan[0][3]


def test_deep_offset_is_slower() -> None:
    conn = books(100_000)
    offset_s = pagination.best_seconds(lambda: pagination.offset_page(conn, 99_000, 20), 5)
    keyset_s = pagination.best_seconds(lambda: pagination.keyset_page(conn, 99_000, 20), 5)
    assert offset_s > 3 * keyset_s
