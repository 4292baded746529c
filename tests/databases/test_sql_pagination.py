"""Mirrors snippets/databases/sql_pagination.py: OFFSET drifts as rows arrive, a keyset does not."""

from __future__ import annotations

import sqlite3

import pytest

from labkit import db
from snippets.databases.sql_pagination import page_after, page_by_offset, setup
from tests.support import require_server


@pytest.fixture
def feed() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    setup(conn)
    return conn


def test_offset_repeats_a_row_after_an_insert(feed: sqlite3.Connection) -> None:
    first = page_by_offset(feed, 1)
    feed.execute("INSERT INTO posts VALUES (10, '2024-05-04')")
    second = page_by_offset(feed, 2)
    assert set(first) & set(second) == {(7, "2024-05-03")}


def test_keyset_walk_sees_every_row_once_despite_inserts(feed: sqlite3.Connection) -> None:
    seen: list[tuple[int, str]] = []
    page = page_after(feed, None)
    new_id = 10
    while page:
        seen += page
        feed.execute("INSERT INTO posts VALUES (?, '2024-05-09')", (new_id,))  # at the top
        new_id += 1
        page = page_after(feed, page[-1])
    assert [i for i, _ in seen] == [9, 8, 7, 6, 5, 4, 3, 2, 1]


@pytest.mark.parametrize("engine", ["postgresql", "mariadb"])
def test_row_value_comparison_works_on_the_servers(engine: str) -> None:
    require_server(engine)
    with db.scratch(db.ENGINES[engine]) as conn:
        cursor = conn.cursor()
        cursor.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, posted_on DATE NOT NULL)")
        cursor.executemany("INSERT INTO posts VALUES (%s, %s)",
                           [(n, f"2024-05-0{1 + (n - 1) // 3}") for n in range(1, 10)])
        cursor.execute("""SELECT id FROM posts WHERE (posted_on, id) < (%s, %s)
                          ORDER BY posted_on DESC, id DESC LIMIT 3""", ("2024-05-03", 7))
        assert [row[0] for row in cursor.fetchall()] == [6, 5, 4]
