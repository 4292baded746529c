"""SQL injection from the attacker's side: a login bypass and a UNION data leak, then the fix.

This module contains DELIBERATELY VULNERABLE functions (`login_vulnerable`,
`search_books_vulnerable`). They run only against a throwaway SQLite database from
`labkit.db.scratch()`. Never copy them.
"""

from __future__ import annotations

import sqlite3

from argon2.exceptions import VerifyMismatchError

from labkit import db
from snippets.security.sqli_app import HASHER, create_library, short

VULNERABLE = ("login_vulnerable", "search_books_vulnerable")


def _check_password(row: tuple[int, str, str] | None, password: str) -> str | None:
    """The username of `row` if `password` matches its Argon2 hash, else None."""
    if row is None:
        return None
    try:
        HASHER.verify(row[2], password)
    except VerifyMismatchError:
        return None
    return row[1]


# --8<-- [start:login-vulnerable]
def login_vulnerable(conn: sqlite3.Connection, username: str, password: str) -> str | None:
    """DELIBERATELY VULNERABLE: the username is pasted into the SQL text."""
    sql = ("SELECT id, username, password_hash FROM users "
           f"WHERE username = '{username}'")  # [mark:format]
    row = conn.execute(sql).fetchone()
    return _check_password(row, password)  # the password IS checked, with Argon2
# --8<-- [end:login-vulnerable]


# --8<-- [start:login]
def login(conn: sqlite3.Connection, username: str, password: str) -> str | None:
    """Return the username if the credentials are right; the username is a parameter."""
    sql = "SELECT id, username, password_hash FROM users WHERE username = ?"
    row = conn.execute(sql, (username,)).fetchone()  # [mark:param]
    return _check_password(row, password)
# --8<-- [end:login]


# --8<-- [start:search-vulnerable]
def search_books_vulnerable(conn: sqlite3.Connection, term: str) -> list[tuple[str, str]]:
    """DELIBERATELY VULNERABLE: the search term is pasted into a LIKE pattern."""
    sql = f"SELECT title, author FROM books WHERE title LIKE '%{term}%'"  # [mark:format]
    return conn.execute(sql).fetchall()
# --8<-- [end:search-vulnerable]


# --8<-- [start:search]
def search_books(conn: sqlite3.Connection, term: str) -> list[tuple[str, str]]:
    """Books whose title contains `term`; the pattern is built in Python, sent as a value."""
    sql = "SELECT title, author FROM books WHERE title LIKE ?"
    return conn.execute(sql, (f"%{term}%",)).fetchall()  # [mark:param]
# --8<-- [end:search]


def show(rows: list[tuple[str, str]]) -> None:
    """Print result rows, one per line, hashes shortened."""
    if not rows:
        print("    (no rows)")
    for left, right in rows:
        print(f"    {left:<18} {short(right)}")


def main() -> None:
    """Run both attacks against the vulnerable functions, then the same input against the fix."""
    with db.scratch() as conn:
        create_library(conn)
        # --8<-- [start:attack-login]
        print("1. The classic: comment out the rest of the query")
        for payload in ("admin' --", "' OR '1'='1' --"):
            who = login_vulnerable(conn, payload, "wrong password")
            print(f"   username {payload!r:<20} -> logged in as: {who}")

        print("2. Bring your own row: UNION a hash of a password you chose")
        mine = HASHER.hash("let-me-in")  # the attacker hashes a password of their own
        payload = f"' UNION SELECT 1, 'admin', '{mine}' --"  # [mark:union-login]
        print(f"   username {payload.replace(mine, short(mine))!r}")
        print(f"   vulnerable -> logged in as: {login_vulnerable(conn, payload, 'let-me-in')}")
        print(f"   parameter  -> logged in as: {login(conn, payload, 'let-me-in')}")
        # --8<-- [end:attack-login]
        print()
        # --8<-- [start:attack-leak]
        print("3. Leak another table through the search box")
        print("   search 'Dune' (what the page is for):")
        show(search_books_vulnerable(conn, "Dune"))
        leak = "zzz' UNION SELECT username, password_hash FROM users --"  # [mark:union]
        print(f"   search {leak!r}")
        print("   vulnerable:")
        show(search_books_vulnerable(conn, leak))
        print("   parameter (the same text, searched for as a title):")
        show(search_books(conn, leak))
        # --8<-- [end:attack-leak]


if __name__ == "__main__":
    main()
