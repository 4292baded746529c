"""Read loans from SQLite in batches, and turn them into CSV text a batch at a time."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator

BATCH = 1000
EXPORT_SQL = "SELECT id, member_id, due_on, returned_on FROM loans ORDER BY id"


# --8<-- [start:batches]
def iter_batches(cursor: sqlite3.Cursor, size: int = BATCH) -> Iterator[list[tuple]]:
    """Yield the cursor's rows `size` at a time, until the result is exhausted."""
    while batch := cursor.fetchmany(size):  # [mark:fetchmany]
        yield batch
# --8<-- [end:batches]


# --8<-- [start:csv]
def csv_chunks(conn: sqlite3.Connection) -> Iterator[str]:
    """The loans table as CSV: the header, then one chunk of text per batch of rows."""
    yield "loan_id,member_id,due_on,returned_on\n"
    for batch in iter_batches(conn.execute(EXPORT_SQL)):
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(batch)
        yield buffer.getvalue()
# --8<-- [end:csv]


def fill_loans(conn: sqlite3.Connection, rows: int) -> None:
    """Create a loans table holding `rows` returned loans, the same ones on every run."""
    conn.execute("CREATE TABLE loans (id INTEGER PRIMARY KEY, member_id INTEGER, "
                 "due_on TEXT, returned_on TEXT)")
    conn.executemany("INSERT INTO loans VALUES (?, ?, ?, ?)",
                     ((n, n * 7919 % 500 + 1, "2025-03-17", "2025-03-20")
                      for n in range(1, rows + 1)))
    conn.commit()
