"""Why escaping by hand and deny-lists fail, and why ORDER BY needs an allow-list.

This module contains DELIBERATELY VULNERABLE functions (`book_by_id_vulnerable`,
`search_filtered_vulnerable`, `sorted_titles_vulnerable`). They run only against a throwaway
SQLite database from `labkit.db.scratch()`. Never copy them.
"""

from __future__ import annotations

import re
import sqlite3

from labkit import db
from snippets.security.sqli_app import create_library, short

VULNERABLE = ("book_by_id_vulnerable", "search_filtered_vulnerable", "sorted_titles_vulnerable")


# --8<-- [start:escape]
def escape_quotes(value: str) -> str:
    """Double every single quote, the way SQL writes a quote inside a string literal."""
    return value.replace("'", "''")


def book_by_id_vulnerable(conn: sqlite3.Connection, book_id: str) -> list[tuple[str, str]]:
    """DELIBERATELY VULNERABLE: escaped by hand, but the value is not inside quotes."""
    sql = f"SELECT title, author FROM books WHERE id = {escape_quotes(book_id)}"  # [mark:noquote]
    return conn.execute(sql).fetchall()
# --8<-- [end:escape]


# --8<-- [start:denylist]
FORBIDDEN = re.compile(r"union|select|--|;", re.IGNORECASE)


def search_filtered_vulnerable(conn: sqlite3.Connection, term: str) -> list[tuple[str, str]]:
    """DELIBERATELY VULNERABLE: removes 'dangerous' words, then pastes the rest in."""
    cleaned = FORBIDDEN.sub("", term)  # [mark:strip]
    sql = f"SELECT title, author FROM books WHERE title LIKE '%{cleaned}%'"
    return conn.execute(sql).fetchall()
# --8<-- [end:denylist]


# --8<-- [start:order-vulnerable]
def sorted_titles_vulnerable(conn: sqlite3.Connection, sort: str) -> list[str]:
    """DELIBERATELY VULNERABLE: the ORDER BY expression comes from the request."""
    return [t for (t,) in conn.execute(f"SELECT title FROM books ORDER BY {sort}")]
# --8<-- [end:order-vulnerable]


# --8<-- [start:order]
SORTABLE = {"title": "title", "author": "author, title", "newest": "id DESC"}


def sorted_titles(conn: sqlite3.Connection, sort: str) -> list[str]:
    """Titles sorted by `sort`, which must be one of the names in SORTABLE."""
    if sort not in SORTABLE:  # [mark:allow]
        raise ValueError(f"cannot sort by {sort[:20]!r}; choose one of {', '.join(SORTABLE)}")
    sql = f"SELECT title FROM books ORDER BY {SORTABLE[sort]}"  # nosec B608 # allow-listed text
    return [t for (t,) in conn.execute(sql)]
# --8<-- [end:order]


def show(rows: list[tuple[str, str]]) -> None:
    """Print result rows, one per line, hashes shortened."""
    for left, right in rows or [("(no rows)", "")]:
        print(f"    {left:<18} {short(right)}")


def main() -> None:
    """Defeat a hand-written escape and a deny-list, then leak a secret through ORDER BY."""
    with db.scratch() as conn:
        create_library(conn)
        # --8<-- [start:escape-run]
        payload = "0 UNION SELECT username, password_hash FROM users"  # not one quote in it
        print(f"book id {payload!r}, quotes escaped by hand:")
        show(book_by_id_vulnerable(conn, payload))
        # --8<-- [end:escape-run]
        print()
        # --8<-- [start:denylist-run]
        smuggled = "zzz' UNunionION SELselectECT username, password_hash FROM users WHERE '%'='"
        print(f"search {smuggled!r}")
        print(f"  after the filter: {FORBIDDEN.sub('', smuggled)!r}")
        show(search_filtered_vulnerable(conn, smuggled))
        print("search 'The Union Street Bakery' (an honest reader):")
        print(f"  after the filter: {FORBIDDEN.sub('', 'The Union Street Bakery')!r}")
        # --8<-- [end:denylist-run]
        print()
        # --8<-- [start:order-run]
        print("ORDER BY ? with a parameter sorts by a constant, so nothing is sorted:")
        by_param = [t for (t,) in conn.execute("SELECT title FROM books ORDER BY ?", ("title",))]
        print(f"  {by_param}")
        for guess in ("$argon2id$", "$2b$"):  # is admin's hash Argon2id or bcrypt?
            probe = ("CASE WHEN (SELECT substr(password_hash, 1, length(:g)) FROM users "
                     "WHERE username = 'admin') = :g THEN title ELSE -id END")
            oracle = probe.replace(":g", f"'{guess}'")
            first = sorted_titles_vulnerable(conn, oracle)[0]
            answer = "yes" if first == "Dune" else "no"
            print(f"  does admin's hash start with {guess!r}? first title {first!r} -> {answer}")
        try:
            sorted_titles(conn, oracle)
        except ValueError as error:
            print(f"  allow-list: {error}")
        print(f"  allow-list, 'newest': {sorted_titles(conn, 'newest')}")
        # --8<-- [end:order-run]


if __name__ == "__main__":
    main()
