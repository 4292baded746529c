"""Page through 200,000 books by OFFSET and by cursor (keyset), and measure a deep page."""

from __future__ import annotations

import base64
import json
import sqlite3

import httpx
from fastapi import FastAPI, Query

from labkit import db
from labkit.measure import best_seconds, measured
from labkit.serve import serve_in_thread
from snippets.apis.design_app.problems import Problem, install_problem_handlers

BOOKS = 200_000
LIMIT = 20


def fill(conn: sqlite3.Connection) -> None:
    """Create the books table with `BOOKS` made-up rows, in one transaction."""
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
                 " author TEXT NOT NULL, year INTEGER NOT NULL)")
    rows = ((n, f"Book {n}", f"Author {n % 997}", 1900 + n % 125) for n in range(1, BOOKS + 1))
    with conn:
        conn.executemany("INSERT INTO books VALUES (?, ?, ?, ?)", rows)


# --8<-- [start:cursor]
def encode_cursor(last_id: int) -> str:
    """An opaque token for "the page after the book with id `last_id`"."""
    raw = json.dumps({"after": last_id}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str) -> int:
    """The id a cursor token points after; a bad token is the client's error (400)."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        return int(json.loads(raw)["after"])
    except (ValueError, KeyError, TypeError):
        raise Problem(400, "bad-cursor", "This cursor was not issued by us.") from None
# --8<-- [end:cursor]


# --8<-- [start:queries]
def offset_page(conn: sqlite3.Connection, offset: int, limit: int) -> list[tuple[int, str]]:
    """Skip `offset` books, return the next `limit`: the database walks past every skipped one."""
    return conn.execute("SELECT id, title FROM books ORDER BY id LIMIT ? OFFSET ?",
                        (limit, offset)).fetchall()  # [mark:offset]


def keyset_page(conn: sqlite3.Connection, after: int, limit: int) -> list[tuple[int, str]]:
    """Return `limit` books whose id comes after `after`: one index search, then `limit` rows."""
    return conn.execute("SELECT id, title FROM books WHERE id > ? ORDER BY id LIMIT ?",
                        (after, limit)).fetchall()  # [mark:keyset]
# --8<-- [end:queries]


# --8<-- [start:app]
def create_app(conn: sqlite3.Connection) -> FastAPI:
    """Two endpoints that list the same books, 20 at a time."""
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/books/by-offset")
    def by_offset(offset: int = Query(0, ge=0), limit: int = Query(LIMIT, le=100)) -> dict:
        rows = offset_page(conn, offset, limit)
        return {"items": [{"id": i, "title": t} for i, t in rows],
                "next": f"/books/by-offset?offset={offset + limit}&limit={limit}"}

    @app.get("/books")
    def by_cursor(cursor: str | None = None, limit: int = Query(LIMIT, le=100)) -> dict:
        after = decode_cursor(cursor) if cursor else 0
        rows = keyset_page(conn, after, limit)
        page = {"items": [{"id": i, "title": t} for i, t in rows], "next": None}
        if len(rows) == limit:
            page["next"] = f"/books?cursor={encode_cursor(rows[-1][0])}&limit={limit}"
        return page

    return app
# --8<-- [end:app]



def main() -> None:
    """Walk the first pages by cursor, then time page 9,001 both ways."""
    with db.scratch_space() as space:
        conn = sqlite3.connect(space.path, check_same_thread=False)  # the server's thread uses it
        fill(conn)
        with serve_in_thread(create_app(conn)) as base, httpx.Client(base_url=base) as client:
            # --8<-- [start:walk]
            first = client.get("/books", params={"limit": 3}).json()
            print("page 1:", [b["id"] for b in first["items"]], "next:", first["next"])
            second = client.get(first["next"]).json()
            print("page 2:", [b["id"] for b in second["items"]], "next:", second["next"])
            forged = client.get("/books", params={"cursor": "bm9wZQ"})
            print("a forged cursor:", forged.status_code, forged.json()["detail"])
            # --8<-- [end:walk]
        # --8<-- [start:measure]
        deep = 180_000  # page 9,001 of 20 books
        last_seen = 180_000  # the last id of page 9,000, which the cursor carries
        same = offset_page(conn, deep, LIMIT) == keyset_page(conn, last_seen, LIMIT)
        print(f"page 9,001 of {BOOKS:,} books, the same 20 both ways: {same}")
        offset_s = best_seconds(lambda: offset_page(conn, deep, LIMIT))
        keyset_s = best_seconds(lambda: keyset_page(conn, last_seen, LIMIT))
        ratio = measured(offset_s / keyset_s, unit="×", digits=0, at_least=10)  # [mark:ratio]
        print(f"the keyset query is {ratio} faster than the OFFSET query")
        # --8<-- [end:measure]
        conn.close()


if __name__ == "__main__":
    main()
