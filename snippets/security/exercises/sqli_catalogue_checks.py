"""Hidden checks for the sqli_catalogue exercise."""

from __future__ import annotations

import sqlite3
from types import ModuleType

BOOKS = [(1, "Kindred", "Octavia E. Butler", 1979), (2, "Dawn", "Octavia E. Butler", 1987),
         (3, "At Swim-Two-Birds", "Flann O'Brien", 1939), (4, "Solaris", "Stanisław Lem", 1961),
         (5, "The Third Policeman", "Flann O'Brien", 1967)]


def _library() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, author TEXT, "
                 "year INTEGER)")
    conn.executemany("INSERT INTO books VALUES (?, ?, ?, ?)", BOOKS)
    conn.execute("CREATE TABLE users (username TEXT, password_hash TEXT)")
    conn.execute("INSERT INTO users VALUES ('admin', '$argon2id$v=19$secret')")
    return conn


def check_search_and_sort(module: ModuleType) -> None:
    """Filtering by author and the three sort orders give the right titles."""
    conn = _library()
    got = module.find_books(conn, "butler", "title")
    assert got == ["Dawn", "Kindred"], f"find_books(conn, 'butler', 'title') returned {got!r}"
    got = module.find_books(conn, "", "year")
    want = ["At Swim-Two-Birds", "Solaris", "The Third Policeman", "Kindred", "Dawn"]
    assert got == want, f"sort='year' should be oldest first: {want!r}, got {got!r}"
    got = module.find_books(conn, "", "newest")
    assert got == list(reversed(want)), f"sort='newest' should be newest first, got {got!r}"


def check_quotes_are_data(module: ModuleType) -> None:
    """A quote in the author's name is searched for, not parsed as SQL."""
    got = module.find_books(_library(), "O'Brien", "year")
    assert got == ["At Swim-Two-Birds", "The Third Policeman"], (
        f"searching for O'Brien returned {got!r}: pass the value as a parameter (?), "
        "never inside the SQL text")


def check_union_payload_finds_nothing(module: ModuleType) -> None:
    """A UNION payload in the author box leaks nothing."""
    payload = "zzz' UNION SELECT password_hash FROM users --"
    got = module.find_books(_library(), payload, "title")
    assert got == [], f"the UNION payload returned {got!r}: the author must be a parameter"


def check_sort_is_allow_listed(module: ModuleType) -> None:
    """Any sort other than title, year and newest raises ValueError."""
    for sort in ("author", "title; DROP TABLE books", "(SELECT password_hash FROM users)", ""):
        try:
            module.find_books(_library(), "", sort)
        except ValueError:
            continue
        raise AssertionError(f"sort={sort!r} was accepted: map allowed names to ORDER BY text "
                             "and raise ValueError for anything else")
