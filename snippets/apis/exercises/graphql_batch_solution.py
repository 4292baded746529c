"""Reference solution: a DataLoader batch function that runs one query."""

import sqlite3


def load_books(conn: sqlite3.Connection, ids: list[int]) -> list[dict[str, object] | None]:
    """One SELECT for all `ids`; one result per id, in the same order, None when missing."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, title FROM books WHERE id IN ({marks})", ids).fetchall()
    found = {book_id: {"id": book_id, "title": title} for book_id, title in rows}
    return [found.get(book_id) for book_id in ids]
