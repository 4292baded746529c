"""Paging through a feed with LIMIT/OFFSET and with a keyset, while new rows keep arriving."""

from __future__ import annotations

import sqlite3

from labkit import db

Row = tuple[int, str]


def setup(conn: sqlite3.Connection) -> None:
    """A feed of 9 posts, three a day, oldest first."""
    conn.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, posted_on DATE NOT NULL)")
    rows = [(n, f"2024-05-0{1 + (n - 1) // 3}") for n in range(1, 10)]
    conn.executemany("INSERT INTO posts VALUES (?, ?)", rows)
    conn.commit()


# --8<-- [start:offset]
def page_by_offset(conn: sqlite3.Connection, page: int, size: int = 3) -> list[Row]:
    """Page `page` (from 1) of the feed, newest first, by skipping the rows before it."""
    sql = """SELECT id, posted_on FROM posts
             ORDER BY posted_on DESC, id DESC
             LIMIT ? OFFSET ?"""
    return conn.execute(sql, (size, (page - 1) * size)).fetchall()
# --8<-- [end:offset]


# --8<-- [start:keyset]
def page_after(conn: sqlite3.Connection, last: Row | None, size: int = 3) -> list[Row]:
    """The page that follows the row `last` (None: the first page), newest first."""
    if last is None:
        sql = "SELECT id, posted_on FROM posts ORDER BY posted_on DESC, id DESC LIMIT ?"
        return conn.execute(sql, (size,)).fetchall()
    last_id, last_day = last
    sql = """SELECT id, posted_on FROM posts
             WHERE (posted_on, id) < (?, ?)
             ORDER BY posted_on DESC, id DESC
             LIMIT ?"""
    return conn.execute(sql, (last_day, last_id, size)).fetchall()
# --8<-- [end:keyset]


def main() -> None:
    """Read page 1, let a new post arrive, then read page 2 both ways."""
    with db.scratch() as conn:
        setup(conn)
        # --8<-- [start:drift]
        first = page_by_offset(conn, 1)
        print("page 1:          ", first)
        conn.execute("INSERT INTO posts VALUES (10, '2024-05-04')")  # someone posts
        conn.commit()
        print("page 2, OFFSET:  ", page_by_offset(conn, 2))
        print("page 2, keyset:  ", page_after(conn, first[-1]))
        # --8<-- [end:drift]


if __name__ == "__main__":
    main()
