"""The book API in FastAPI: a typed path parameter, validated before the function runs."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from snippets.languages.server_apps.books import BOOKS


# --8<-- [start:app]
def create_app() -> FastAPI:
    """A FastAPI app with one route; the type hint on `book_id` drives parsing and validation."""
    app = FastAPI()

    @app.get("/books/{book_id}")
    async def book(book_id: int) -> JSONResponse:  # async def: no thread pool needed here
        if book_id not in BOOKS:
            return JSONResponse({"error": "not found"}, status_code=404)
        return JSONResponse(BOOKS[book_id])

    return app
# --8<-- [end:app]
