"""Page through books by cursor, oldest first.

The library lists books sorted by `year`, and by `id` among books of the same year. Write
keyset (cursor) pagination for that order, over a SQLite table
`books(id INTEGER PRIMARY KEY, title TEXT, year INTEGER)`:

- `encode_cursor(year, book_id)` returns an opaque string token (letters, digits, `-`, `_`
  only, so it is safe in a URL) that `decode_cursor` turns back into `(year, book_id)`.
- `decode_cursor(token)` raises `ValueError` for a token it did not make.
- `books_page(conn, limit, cursor=None)` returns `(titles, next_cursor)`: the next `limit`
  titles after the cursor (from the start when `cursor` is None), and the cursor of the
  last one, or None when there is nothing more to read. Use no OFFSET: filter with the
  last `(year, id)` seen, so a book inserted before the cursor never shifts the pages.
"""

from __future__ import annotations

import sqlite3


def encode_cursor(year: int, book_id: int) -> str:
    """An opaque, URL-safe token for the position after (year, book_id)."""
    raise NotImplementedError("write encode_cursor")


def decode_cursor(token: str) -> tuple[int, int]:
    """The (year, book_id) a token stands for; ValueError if it is not one of ours."""
    raise NotImplementedError("write decode_cursor")


def books_page(conn: sqlite3.Connection, limit: int,
               cursor: str | None = None) -> tuple[list[str], str | None]:
    """The next `limit` titles by (year, id) after `cursor`, and the cursor for the page after."""
    raise NotImplementedError("write books_page")
