"""Normalize a library's loan sheet.

A small library has kept its loans in one wide sheet. Each row repeats the member's
email and name and the book's ISBN and title, so renaming a book means editing every
loan of it. Split the sheet into three SQLite tables that state each fact once, and let
the engine enforce the rules:

- `members(id, email, name)`: `id` an integer surrogate key; `email` required and unique;
  `name` required.
- `books(isbn, title)`: the ISBN is a natural key, the primary key. Both required
  (careful: in SQLite a TEXT primary key accepts NULL unless you say NOT NULL).
- `loans(member_id, isbn, loaned_on, returned_on)`: foreign keys to `members(id)` and
  `books(isbn)`; the primary key is the three columns `(member_id, isbn, loaned_on)`;
  `returned_on` may be NULL (still out) but never earlier than `loaned_on` (dates are
  ISO strings such as '2024-05-01', so text comparison works).

Write `create_schema(conn)`, which switches on foreign keys for the connection and
creates the tables, and `load(conn, rows)`, which stores sheet rows (dicts with keys
`member_email`, `member_name`, `isbn`, `title`, `loaned_on`, `returned_on`) so that each
member and each book is stored once, then commits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def create_schema(conn: sqlite3.Connection) -> None:
    """Turn on foreign keys and create the members, books and loans tables."""
    raise NotImplementedError("write create_schema")


def load(conn: sqlite3.Connection, rows: Iterable[dict[str, str | None]]) -> None:
    """Store the sheet's rows in the three tables, each member and book once, and commit."""
    raise NotImplementedError("write load")
