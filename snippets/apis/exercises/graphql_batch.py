"""Write a DataLoader batch function.

A GraphQL list of loans resolves each loan's book, and every resolver calls
`loader.load(book_id)`. The DataLoader collects those ids and calls your batch
function once with all of them. Write `load_books(conn, ids)` so that it:

- runs exactly one SQL statement on `conn`, whatever the number of ids
  (use `WHERE id IN (?, ?, ...)` with one placeholder per id; never paste ids into the SQL);
- returns one entry per id, in the order of `ids`: the book as a dict
  `{"id": ..., "title": ...}`, or `None` for an id that has no book;
- works when `ids` repeats an id (return the same book at each position).

The table is `books (id INTEGER PRIMARY KEY, title TEXT NOT NULL)`.
"""

import sqlite3


def load_books(conn: sqlite3.Connection, ids: list[int]) -> list[dict[str, object] | None]:
    """One SELECT for all `ids`; one result per id, in the same order, None when missing."""
    raise NotImplementedError("write load_books")
