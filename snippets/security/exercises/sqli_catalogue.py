"""Search the catalogue without SQL injection.

The library's search page filters books by author and lets the reader choose the order. The
table is `books(id INTEGER PRIMARY KEY, title TEXT, author TEXT, year INTEGER)` in SQLite.
Write `find_books(conn, author, sort)`:

- return the titles (a list of str) of the books whose author contains `author`
  (case-insensitive, as SQLite's LIKE is for ASCII); the value must travel as a parameter,
  so a quote in a name (`O'Brien`) works and `' UNION SELECT ... --` finds nothing;
- `sort` is one of `"title"`, `"year"` (oldest first) or `"newest"` (newest first); ties are
  broken by title. An identifier can't be a parameter, so map these names to ORDER BY text
  in your code and raise `ValueError` for anything else.
"""

from __future__ import annotations

import sqlite3


def find_books(conn: sqlite3.Connection, author: str, sort: str) -> list[str]:
    """Titles by authors containing `author`, ordered by the allow-listed `sort`."""
    raise NotImplementedError("write find_books")
