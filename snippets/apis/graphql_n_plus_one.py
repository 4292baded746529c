"""N+1: count the SELECTs a book list runs when each book loads its own author, then batch them."""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

import strawberry
from strawberry.types import Info

from snippets.apis.graphql_app.data import QueryLog, add_books, open_library
from snippets.apis.graphql_app.schema import make_loaders, make_schema

DEPENDS = ("graphql_app/",)

BOOK_LIST = "{ books { title author { name } } }"


# --8<-- [start:naive]
@strawberry.type
class NaiveAuthor:
    """An author, as the naive schema returns it."""

    name: str


@strawberry.type
class NaiveBook:
    """A book whose author resolver runs its own query: once per book."""

    title: str
    author_id: strawberry.Private[int]

    @strawberry.field
    def author(self, info: Info[dict[str, Any], None]) -> NaiveAuthor:
        """One SELECT for this book's author, however many books are in the list."""
        row = info.context["conn"].execute(
            "SELECT name FROM authors WHERE id = ?", (self.author_id,)).fetchone()  # [mark:each]
        return NaiveAuthor(name=row["name"])


@strawberry.type
class NaiveQuery:
    """Root of the naive schema."""

    @strawberry.field
    def books(self, info: Info[dict[str, Any], None]) -> list[NaiveBook]:
        """Every book: one SELECT."""
        rows = info.context["conn"].execute("SELECT title, author_id FROM books ORDER BY id")
        return [NaiveBook(title=r["title"], author_id=r["author_id"]) for r in rows]
# --8<-- [end:naive]


# --8<-- [start:count]
def count_selects(schema: strawberry.Schema, conn: sqlite3.Connection,
                  context: dict[str, Any]) -> tuple[int, list[str]]:
    """Run the book list on `schema`; return how many books came back and the SELECTs run."""
    log = QueryLog()
    log.watch(conn)  # [mark:watch]
    result = asyncio.run(schema.execute(BOOK_LIST, context_value=context))
    conn.set_trace_callback(None)
    assert result.errors is None, result.errors
    return len(result.data["books"]), log.selects()
# --8<-- [end:count]


def main() -> None:
    """Count the SELECTs with and without the DataLoader, for 6 books and then 306."""
    # --8<-- [start:main]
    naive = strawberry.Schema(query=NaiveQuery)
    batched = make_schema()
    conn = open_library()
    for extra in (0, 300):
        add_books(conn, extra)
        books, selects = count_selects(naive, conn, {"conn": conn})
        print(f"{books} books, one query per author:  {len(selects)} SELECTs")
        if extra == 0:
            for sql in selects:
                print("   ", sql)
        books, selects = count_selects(batched, conn, make_loaders(conn))  # [mark:fresh]
        print(f"{books} books, with a DataLoader:      {len(selects)} SELECTs")
        if extra == 0:
            for sql in selects:
                print("   ", sql)
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
