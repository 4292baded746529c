"""Reference solution: the library's loan sheet, normalized into three tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

SCHEMA = """
CREATE TABLE members (
    id    INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL
);
CREATE TABLE books (
    isbn  TEXT NOT NULL PRIMARY KEY,
    title TEXT NOT NULL
);
CREATE TABLE loans (
    member_id   INTEGER NOT NULL REFERENCES members (id),
    isbn        TEXT    NOT NULL REFERENCES books (isbn),
    loaned_on   TEXT    NOT NULL,
    returned_on TEXT,
    PRIMARY KEY (member_id, isbn, loaned_on),
    CHECK (returned_on >= loaned_on)
);
"""


def create_schema(conn: sqlite3.Connection) -> None:
    """Turn on foreign keys and create the members, books and loans tables."""
    conn.execute("PRAGMA foreign_keys = ON")  # per connection, and before any transaction
    conn.executescript(SCHEMA)


def load(conn: sqlite3.Connection, rows: Iterable[dict[str, str | None]]) -> None:
    """Store the sheet's rows in the three tables, each member and book once, and commit."""
    for row in rows:
        conn.execute(
            "INSERT INTO members (email, name) VALUES (?, ?) ON CONFLICT (email) DO NOTHING",
            (row["member_email"], row["member_name"]),
        )
        conn.execute(
            "INSERT INTO books (isbn, title) VALUES (?, ?) ON CONFLICT (isbn) DO NOTHING",
            (row["isbn"], row["title"]),
        )
        conn.execute(
            "INSERT INTO loans (member_id, isbn, loaned_on, returned_on)"
            " SELECT id, ?, ?, ? FROM members WHERE email = ?",
            (row["isbn"], row["loaned_on"], row["returned_on"], row["member_email"]),
        )
    conn.commit()
