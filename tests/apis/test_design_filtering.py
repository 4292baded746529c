"""Mirrors snippets/apis/design_filtering.py: only allow-listed fields reach ORDER BY."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.apis.design_app.problems import Problem
from snippets.apis.design_filtering import BOOKS, create_app, order_by


def test_order_by_builds_from_the_allow_list() -> None:
    assert order_by("-year,title") == "year DESC, title ASC, id ASC"


@pytest.mark.parametrize("sort", ["price", "-password", "year; DROP TABLE books", "title,id"])
def test_order_by_refuses_others(sort: str) -> None:
    with pytest.raises(Problem) as caught:
        order_by(sort)
    assert caught.value.status == 400


def test_endpoint_filters_sorts_and_survives() -> None:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, author TEXT,"
                 " year INTEGER)")
    conn.executemany("INSERT INTO books (title, author, year) VALUES (?, ?, ?)", BOOKS)
    with serve_in_thread(create_app(conn)) as base, httpx.Client(base_url=base) as client:
        got = client.get("/books", params={"author": "Octavia E. Butler", "sort": "-year"})
        assert got.json() == ["Parable of the Sower (1993)", "Dawn (1987)", "Kindred (1979)"]
        attack = client.get("/books", params={"sort": "year; DROP TABLE books"})
        assert attack.status_code == 400
        assert attack.headers["content-type"] == "application/problem+json"
        assert client.get("/books", params={"autor": "x"}).status_code == 400
        assert len(client.get("/books").json()) == len(BOOKS)  # the table is still there
