"""Reference solution for the sqli_catalogue exercise."""

from __future__ import annotations

import sqlite3

ORDER = {"title": "title", "year": "year, title", "newest": "year DESC, title"}


def find_books(conn: sqlite3.Connection, author: str, sort: str) -> list[str]:
    """Titles by authors containing `author`, ordered by the allow-listed `sort`."""
    if sort not in ORDER:
        raise ValueError(f"cannot sort by {sort!r}; choose one of {', '.join(ORDER)}")
    order = ORDER[sort]  # trusted text from the allow-list
    sql = f"SELECT title FROM books WHERE author LIKE ? ORDER BY {order}"  # nosec B608 # allow-list
    return [title for (title,) in conn.execute(sql, (f"%{author}%",))]
