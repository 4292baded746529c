"""The library's SQLite data (authors, books, loans) and a counter of the SQL statements run."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

# --8<-- [start:tables]
SCHEMA = """
CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL, born INTEGER, bio TEXT);
CREATE TABLE books (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, year INTEGER, isbn TEXT,
    summary TEXT, author_id INTEGER NOT NULL REFERENCES authors(id)
);
CREATE TABLE loans (
    id INTEGER PRIMARY KEY, book_id INTEGER NOT NULL UNIQUE REFERENCES books(id),
    member TEXT NOT NULL, due TEXT NOT NULL
);
"""
# --8<-- [end:tables]

AUTHORS = [
    (1, "Ursula K. Le Guin", 1929, "American author of novels, stories, poems and essays."),
    (2, "Octavia E. Butler", 1947, "American science fiction author, MacArthur Fellow."),
    (3, "Stanisław Lem", 1921, "Polish writer of science fiction and philosophy."),
]
BOOKS = [
    (1, "The Dispossessed", 1974, "9780060512750", "An ambiguous utopia on twin worlds.", 1),
    (2, "A Wizard of Earthsea", 1968, "9780547773742", "A young mage and his shadow.", 1),
    (3, "Kindred", 1979, "9780807083697", "A writer is pulled back to 1815 Maryland.", 2),
    (4, "Parable of the Sower", 1993, "9781538732182", "A diary of a collapsing America.", 2),
    (5, "Solaris", 1961, "9780156027601", "A planet-wide ocean that answers back.", 3),
    (6, "The Cyberiad", 1965, "9780156027595", "Two robot constructors outdo each other.", 3),
]
LOANS = [
    (1, 1, "ada", "2025-03-01"),
    (2, 3, "ada", "2025-03-08"),
    (3, 5, "ada", "2025-03-15"),
    (4, 2, "grace", "2025-03-04"),
]


def open_library() -> sqlite3.Connection:
    """A new in-memory library database with three authors, six books and four loans."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)  # the server runs in a thread
    conn.row_factory = sqlite3.Row
    conn.executescript(SCHEMA)
    conn.executemany("INSERT INTO authors VALUES (?, ?, ?, ?)", AUTHORS)
    conn.executemany("INSERT INTO books VALUES (?, ?, ?, ?, ?, ?)", BOOKS)
    conn.executemany("INSERT INTO loans VALUES (?, ?, ?, ?)", LOANS)
    conn.commit()
    return conn


def add_books(conn: sqlite3.Connection, count: int) -> None:
    """Add `count` more books, spread evenly over the three authors."""
    with conn:
        conn.executemany("INSERT INTO books (title, author_id) VALUES (?, ?)",
                         [(f"Volume {n}", n % 3 + 1) for n in range(count)])


# --8<-- [start:counter]
@dataclass
class QueryLog:
    """Every SQL statement a connection runs, recorded by SQLite's trace callback."""

    statements: list[str] = field(default_factory=list)

    def watch(self, conn: sqlite3.Connection) -> None:
        """Start recording the statements `conn` runs."""
        conn.set_trace_callback(self.statements.append)

    def selects(self) -> list[str]:
        """The SELECT statements recorded so far."""
        return [s for s in self.statements if s.lstrip().upper().startswith("SELECT")]
# --8<-- [end:counter]
