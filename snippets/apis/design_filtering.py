"""Filter and sort books from the query string, with an allow-list of sort fields."""

from __future__ import annotations

import sqlite3
from urllib.parse import unquote_plus

import httpx
from fastapi import FastAPI, Request

from labkit.serve import serve_in_thread
from snippets.apis.design_app.problems import Problem, install_problem_handlers

BOOKS = [
    ("Kindred", "Octavia E. Butler", 1979), ("Dawn", "Octavia E. Butler", 1987),
    ("Parable of the Sower", "Octavia E. Butler", 1993), ("Dune", "Frank Herbert", 1965),
    ("A Wizard of Earthsea", "Ursula K. Le Guin", 1968),
]

# --8<-- [start:allow]
SORTABLE = {"title": "title", "year": "year", "author": "author"}  # API name -> SQL column
FILTERS = {"author", "year_from", "year_to", "sort"}


def order_by(sort: str) -> str:
    """Turn `-year,title` into `year DESC, title ASC`, refusing any field not allowed."""
    terms = []
    for field in sort.split(","):
        name = field.removeprefix("-")
        if name not in SORTABLE:  # [mark:refuse]
            raise Problem(400, "bad-sort", f"Cannot sort by {name!r}.",
                          allowed=sorted(SORTABLE))
        terms.append(f"{SORTABLE[name]} {'DESC' if field.startswith('-') else 'ASC'}")
    return ", ".join([*terms, "id ASC"])  # id last: a total order, ties never shuffle
# --8<-- [end:allow]


def create_app(conn: sqlite3.Connection) -> FastAPI:
    """GET /books with filters and a sort parameter."""
    app = FastAPI()
    install_problem_handlers(app)

    # --8<-- [start:endpoint]
    @app.get("/books")
    def list_books(request: Request, author: str | None = None, year_from: int | None = None,
                   year_to: int | None = None, sort: str = "title") -> list[str]:
        unknown = set(request.query_params) - FILTERS
        if unknown:  # a typo such as ?autor= must not silently return every book
            raise Problem(400, "bad-filter", f"Unknown parameter(s): {', '.join(sorted(unknown))}.")
        sql = "SELECT title, year FROM books WHERE 1 = 1"
        args: list[object] = []
        if author is not None:
            sql += " AND author = ?"
            args.append(author)
        if year_from is not None:
            sql += " AND year >= ?"
            args.append(year_from)
        if year_to is not None:
            sql += " AND year <= ?"
            args.append(year_to)
        rows = conn.execute(f"{sql} ORDER BY {order_by(sort)}", args)  # [mark:sql]
        return [f"{title} ({year})" for title, year in rows]
    # --8<-- [end:endpoint]

    return app


def main() -> None:
    """Filter, sort, and try to sort by something that is not allowed."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, author TEXT,"
                 " year INTEGER)")
    conn.executemany("INSERT INTO books (title, author, year) VALUES (?, ?, ?)", BOOKS)
    with serve_in_thread(create_app(conn)) as base, httpx.Client(base_url=base) as client:
        # --8<-- [start:requests]
        for params in ({"author": "Octavia E. Butler", "sort": "-year"},
                       {"year_to": "1970", "sort": "year,title"},
                       {"sort": "-price"},
                       {"sort": "year; DROP TABLE books"},
                       {"autor": "Frank Herbert"}):
            response = client.get("/books", params=params)
            body = response.json()
            print(f"?{unquote_plus(response.url.query.decode())}  -> {response.status_code}")
            if response.is_success:
                print("   ", body)
            else:
                print("   ", body["detail"], "allowed:", body.get("allowed", "-"))
        # --8<-- [end:requests]
    conn.close()


if __name__ == "__main__":
    main()
