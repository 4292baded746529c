"""One FastAPI app serving the library both ways: GraphQL at /graphql, and plain REST endpoints."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import FastAPI, HTTPException
from strawberry.fastapi import GraphQLRouter

from snippets.apis.graphql_app.schema import Context, make_loaders, make_schema


# --8<-- [start:mount]
def create_app(conn: sqlite3.Connection, *, limits: bool = True) -> FastAPI:
    """The library API on one connection: GraphQL at /graphql, REST beside it."""
    app = FastAPI()

    async def get_context() -> Context:
        return make_loaders(conn)  # new loaders for every request, so no stale cache  # [mark:ctx]

    graphql = GraphQLRouter(make_schema(limits=limits), context_getter=get_context,
                            graphql_ide=None)  # no in-browser IDE in production
    app.include_router(graphql, prefix="/graphql")  # [mark:include]
    add_rest_routes(app, conn)
    return app
# --8<-- [end:mount]


# --8<-- [start:rest]
def add_rest_routes(app: FastAPI, conn: sqlite3.Connection) -> None:
    """Three REST resources, each returning the whole row, as a typical REST API does."""

    def one(sql: str, key: object) -> dict[str, Any]:
        row = conn.execute(sql, (key,)).fetchone()
        if row is None:
            raise HTTPException(404)
        return dict(row)

    @app.get("/members/{member}/loans")
    async def member_loans(member: str) -> list[dict[str, Any]]:
        rows = conn.execute("SELECT * FROM loans WHERE member = ? ORDER BY due", (member,))
        return [dict(row) for row in rows]

    @app.get("/books/{book_id}")
    async def get_book(book_id: int) -> dict[str, Any]:
        return one("SELECT * FROM books WHERE id = ?", book_id)

    @app.get("/authors/{author_id}")
    async def get_author(author_id: int) -> dict[str, Any]:
        return one("SELECT * FROM authors WHERE id = ?", author_id)
# --8<-- [end:rest]
