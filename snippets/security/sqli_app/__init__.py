"""A small library database for the SQL injection demonstrations: members and books.

`create_library(conn)` makes the tables and fills them on a throwaway connection from
`labkit.db.scratch()`. Members' passwords are stored as Argon2id hashes, generated at run
time from demo passwords, so nothing secret is kept in the source.
"""

from __future__ import annotations

import sqlite3

from argon2 import PasswordHasher

HASHER = PasswordHasher()
"""argon2-cffi's defaults (Argon2id); see the Passwords page for the parameters."""

MEMBERS = [
    (1, "admin", "admin"),
    (2, "ada", "member"),
    (3, "grace", "member"),
]
BOOKS = [
    (1, "Solaris", "Stanisław Lem"),
    (2, "Kindred", "Octavia E. Butler"),
    (3, "Dune", "Frank Herbert"),
    (4, "The Dispossessed", "Ursula K. Le Guin"),
]


def create_library(conn: sqlite3.Connection) -> None:
    """Create `users(id, username, password_hash, role)` and `books(id, title, author)`."""
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT UNIQUE, "
                 "password_hash TEXT, role TEXT)")
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, author TEXT)")
    for user_id, username, role in MEMBERS:
        demo_password = f"{username}-demo-password"  # throwaway data for a throwaway database
        conn.execute("INSERT INTO users VALUES (?, ?, ?, ?)",
                     (user_id, username, HASHER.hash(demo_password), role))
    conn.executemany("INSERT INTO books VALUES (?, ?, ?)", BOOKS)
    conn.commit()


def short(value: object) -> str:
    """A value as printed by the demos: Argon2 hashes cut after their fixed prefix."""
    text = str(value)
    if text.startswith("$argon2"):
        return "$".join(text.split("$")[:4]) + "$…"  # the salt and hash differ on every run
    return text
