"""A book added between two page requests: offsets repeat a book, a cursor does not."""

from __future__ import annotations

import sqlite3

import httpx
from fastapi import FastAPI

from labkit.serve import serve_in_thread

TITLES = ["Kindred", "Beloved", "Dune", "Emma", "Ubik", "Solaris", "Neuromancer"]


def create_app(conn: sqlite3.Connection) -> FastAPI:
    """Newest books first, by offset and by cursor, plus a way to add a book."""
    app = FastAPI()

    # --8<-- [start:endpoints]
    @app.get("/books/newest-by-offset")
    def by_offset(offset: int = 0, limit: int = 3) -> list[str]:
        rows = conn.execute("SELECT title FROM books ORDER BY id DESC LIMIT ? OFFSET ?",
                            (limit, offset))
        return [title for (title,) in rows]

    @app.get("/books/newest")
    def by_cursor(before: int | None = None, limit: int = 3) -> dict[str, object]:
        rows = conn.execute("SELECT id, title FROM books WHERE id < ? ORDER BY id DESC LIMIT ?",
                            (before or 2**62, limit)).fetchall()  # [mark:before]
        return {"titles": [title for _, title in rows], "next_before": rows[-1][0]}
    # --8<-- [end:endpoints]

    @app.post("/books", status_code=201)
    def add(title: str) -> dict[str, str]:
        with conn:
            conn.execute("INSERT INTO books (title) VALUES (?)", (title,))
        return {"title": title}

    return app


def main() -> None:
    """Read page 1, let someone add a book, read page 2: first by offset, then by cursor."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
    conn.executemany("INSERT INTO books (title) VALUES (?)", [(t,) for t in TITLES])
    with serve_in_thread(create_app(conn)) as base, httpx.Client(base_url=base) as client:
        # --8<-- [start:offset]
        page1 = client.get("/books/newest-by-offset", params={"offset": 0}).json()
        client.post("/books", params={"title": "Piranesi"})  # someone else adds a book
        page2 = client.get("/books/newest-by-offset", params={"offset": 3}).json()
        print("offset  page 1:", page1)
        print("offset  page 2:", page2)
        print("offset  seen twice:", [t for t in page2 if t in page1])
        # --8<-- [end:offset]
        # --8<-- [start:cursor]
        page1 = client.get("/books/newest").json()
        client.post("/books", params={"title": "Circe"})  # another book arrives
        page2 = client.get("/books/newest", params={"before": page1["next_before"]}).json()
        print("cursor  page 1:", page1["titles"])
        print("cursor  page 2:", page2["titles"])
        print("cursor  seen twice:", [t for t in page2["titles"] if t in page1["titles"]])
        # --8<-- [end:cursor]
    conn.close()


if __name__ == "__main__":
    main()
