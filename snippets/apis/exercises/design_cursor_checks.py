"""Hidden checks for the design_cursor exercise."""

from __future__ import annotations

import re
import sqlite3
from types import ModuleType

BOOKS = [(1, "Dune", 1965), (2, "Kindred", 1979), (3, "Emma", 1815), (4, "Ubik", 1969),
         (5, "Dawn", 1979), (6, "Beloved", 1987), (7, "Solaris", 1961), (8, "Circe", 2018)]
ORDER = ["Emma", "Solaris", "Dune", "Ubik", "Kindred", "Dawn", "Beloved", "Circe"]


def _books() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, year INTEGER)")
    conn.executemany("INSERT INTO books VALUES (?, ?, ?)", BOOKS)
    return conn


def _walk(module: ModuleType, conn: sqlite3.Connection, limit: int) -> list[list[str]]:
    pages, cursor = [], None
    for _ in range(20):
        titles, cursor = module.books_page(conn, limit, cursor)
        pages.append(titles)
        if cursor is None:
            return pages
    raise AssertionError("books_page never returned next_cursor=None: does the walk end?")


def check_round_trip(module: ModuleType) -> None:
    """A cursor is URL-safe and decodes back to the (year, id) it was made from."""
    for year, book_id in ((1979, 5), (1815, 3), (2018, 123456)):
        token = module.encode_cursor(year, book_id)
        assert isinstance(token, str) and re.fullmatch(r"[A-Za-z0-9_-]+", token), (
            f"encode_cursor({year}, {book_id}) returned {token!r}: use letters, digits, - and _")
        got = module.decode_cursor(token)
        assert tuple(got) == (year, book_id), f"decode_cursor gave {got!r}, not {(year, book_id)}"


def check_rejects_forged(module: ModuleType) -> None:
    """decode_cursor raises ValueError for tokens it did not make."""
    for token in ("hello", "", "bm9wZQ", "e30"):
        try:
            module.decode_cursor(token)
        except ValueError:
            continue
        raise AssertionError(f"decode_cursor({token!r}) should raise ValueError")


def check_walks_in_order(module: ModuleType) -> None:
    """Walking 3 at a time visits every book once, by year then id, and then stops."""
    pages = _walk(module, _books(), 3)
    flat = [title for page in pages for title in page]
    assert flat == ORDER, f"pages {pages} should read {ORDER} in that order"
    assert all(len(page) == 3 for page in pages[:-1]), f"every page but the last has 3: {pages}"


def check_exact_multiple(module: ModuleType) -> None:
    """With 8 books and pages of 4, the second page ends the walk (no empty third page)."""
    pages = _walk(module, _books(), 4)
    assert pages == [ORDER[:4], ORDER[4:]], f"expected two pages of 4, got {pages}"


def check_stable_under_insert(module: ModuleType) -> None:
    """A book inserted before the cursor does not repeat or shift the next page."""
    conn = _books()
    first, cursor = module.books_page(conn, 3)
    conn.execute("INSERT INTO books VALUES (9, 'Beowulf', 1000)")
    second, _ = module.books_page(conn, 3, cursor)
    assert first == ORDER[:3] and second == ORDER[3:6], (
        f"after an insert at the start, page 2 should be {ORDER[3:6]}, got {second}")


def check_no_offset(module: ModuleType) -> None:
    """Pages are read with a WHERE on (year, id), never with OFFSET."""
    conn = _books()
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    _, cursor = module.books_page(conn, 3)
    module.books_page(conn, 3, cursor)
    assert seen, "books_page should query the connection it is given"
    assert not any("OFFSET" in sql.upper() for sql in seen), f"no OFFSET please: {seen}"
