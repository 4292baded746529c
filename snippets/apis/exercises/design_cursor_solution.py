"""Reference solution: keyset pagination by (year, id)."""

from __future__ import annotations

import base64
import json
import sqlite3


def encode_cursor(year: int, book_id: int) -> str:
    """An opaque, URL-safe token for the position after (year, book_id)."""
    raw = json.dumps([year, book_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[int, int]:
    """The (year, book_id) a token stands for; ValueError if it is not one of ours."""
    try:
        year, book_id = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, TypeError) as error:
        raise ValueError(f"not a cursor: {token!r}") from error
    if not (isinstance(year, int) and isinstance(book_id, int)):
        raise ValueError(f"not a cursor: {token!r}")
    return year, book_id


def books_page(conn: sqlite3.Connection, limit: int,
               cursor: str | None = None) -> tuple[list[str], str | None]:
    """The next `limit` titles by (year, id) after `cursor`, and the cursor for the page after."""
    year, book_id = decode_cursor(cursor) if cursor else (-(2**62), -(2**62))
    rows = conn.execute(
        "SELECT id, title, year FROM books WHERE (year, id) > (?, ?)"
        " ORDER BY year, id LIMIT ?", (year, book_id, limit + 1)).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(rows[-1][2], rows[-1][0]) if more else None
    return [title for _, title, _ in rows], next_cursor
