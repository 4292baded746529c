"""The SQLite implementation of LibraryRepository, and how to open a service on a file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from snippets.languages.logic_library.domain import BookOnLoan, Loan
from snippets.languages.logic_library.service import LibraryService, ServiceFactory

SCHEMA = """
CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE loans (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members(id),
    book_id INTEGER NOT NULL REFERENCES books(id),
    borrowed_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    returned_on TEXT,
    fine_cents INTEGER NOT NULL DEFAULT 0
);
-- the database backs the rule "one open loan per book", whatever the code does
CREATE UNIQUE INDEX one_open_loan_per_book ON loans(book_id) WHERE returned_on IS NULL;
"""


def create_library(path: Path, members: Iterable[int], books: Iterable[int]) -> None:
    """Create the tables in the SQLite file at `path` and add members and books."""
    with sqlite3.connect(path) as conn:
        conn.executescript(SCHEMA)
        conn.executemany("INSERT INTO members VALUES (?, ?)",
                         [(m, f"member {m}") for m in members])
        conn.executemany("INSERT INTO books VALUES (?, ?)", [(b, f"book {b}") for b in books])
    conn.close()


def _loan(row: tuple) -> Loan:
    loan_id, member_id, book_id, borrowed, due, returned, fine = row
    return Loan(loan_id, member_id, book_id, date.fromisoformat(borrowed),
                date.fromisoformat(due), returned and date.fromisoformat(returned), fine)


# --8<-- [start:sqlite]
class SqliteLibrary:
    """A LibraryRepository over one sqlite3 connection (opened in autocommit mode)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")  # take the write lock before reading
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def member_exists(self, member_id: int) -> bool:
        sql = "SELECT 1 FROM members WHERE id = ?"
        return self.conn.execute(sql, (member_id,)).fetchone() is not None

    def book_exists(self, book_id: int) -> bool:
        sql = "SELECT 1 FROM books WHERE id = ?"
        return self.conn.execute(sql, (book_id,)).fetchone() is not None

    def active_loans(self, member_id: int) -> list[Loan]:
        sql = ("SELECT id, member_id, book_id, borrowed_on, due_on, returned_on, fine_cents"
               " FROM loans WHERE member_id = ? AND returned_on IS NULL")
        return [_loan(row) for row in self.conn.execute(sql, (member_id,))]

    def book_is_on_loan(self, book_id: int) -> bool:
        sql = "SELECT 1 FROM loans WHERE book_id = ? AND returned_on IS NULL"
        return self.conn.execute(sql, (book_id,)).fetchone() is not None

    def get_loan(self, loan_id: int) -> Loan | None:
        sql = ("SELECT id, member_id, book_id, borrowed_on, due_on, returned_on, fine_cents"
               " FROM loans WHERE id = ?")
        row = self.conn.execute(sql, (loan_id,)).fetchone()
        return _loan(row) if row else None

    def add_loan(self, member_id: int, book_id: int, borrowed_on: date, due_on: date) -> Loan:
        try:
            cursor = self.conn.execute(
                "INSERT INTO loans (member_id, book_id, borrowed_on, due_on) VALUES (?, ?, ?, ?)",
                (member_id, book_id, borrowed_on.isoformat(), due_on.isoformat()))
        except sqlite3.IntegrityError as error:  # the unique index said no
            raise BookOnLoan(f"book {book_id} is on loan") from error
        return Loan(cursor.lastrowid or 0, member_id, book_id, borrowed_on, due_on)

    def close_loan(self, loan_id: int, returned_on: date, fine_cents: int) -> Loan:
        self.conn.execute("UPDATE loans SET returned_on = ?, fine_cents = ? WHERE id = ?",
                          (returned_on.isoformat(), fine_cents, loan_id))
        loan = self.get_loan(loan_id)
        assert loan is not None
        return loan
# --8<-- [end:sqlite]


# --8<-- [start:open]
def sqlite_services(path: Path, today: Callable[[], date]) -> ServiceFactory:
    """A factory the HTTP layer calls per request: a fresh connection, closed afterwards."""

    @contextmanager
    def open_service() -> Iterator[LibraryService]:
        # autocommit mode: we issue BEGIN and COMMIT ourselves. FastAPI may run this
        # dependency and the endpoint on different pool threads, one after the other.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            yield LibraryService(SqliteLibrary(conn), today)
        finally:
            conn.close()

    return open_service
# --8<-- [end:open]
