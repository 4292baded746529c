"""Three releases of the library API, each a real process to deploy: v1, v2.0 and v2.1.

Each release wraps the APIs chapter's library (`snippets.apis.rest_app`), loads the same
seven books at start-up and stamps every response with `X-App-Version`. Release 2 adds a
feature, an `X-Shelf-Mark` header on `GET /books/{id}` (the first three letters of the
author's surname, as on a library's spine label). Release 2.0 has a bug: it takes the
second word of the author's name as the surname, so a book by "Homer" crashes with a 500.
Release 2.1 fixes it. Serve one with
`python -m uvicorn --factory snippets.devops.cicd_kit.service:create_v2_0`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from snippets.apis.rest_app import create_app
from snippets.apis.rest_app.models import BookCreate

BOOKS = (
    ("Dune", "Frank Herbert", 1965, "9780441172719"),
    ("Kindred", "Octavia Butler", 1979, "9780807083697"),
    ("The Odyssey", "Homer", 1614, "9780140268867"),
    ("Ubik", "Philip K. Dick", 1969, "9780547572291"),
    ("Solaris", "Stanislaw Lem", 1961, "9780156027601"),
    ("Circe", "Madeline Miller", 2018, "9780316556347"),
    ("Emma", "Jane Austen", 1815, "9780141439587"),
)
"""The catalogue every release starts with; ids 1 to 7 in this order (3 is by Homer)."""


def _endpoint(app: FastAPI, name: str) -> Callable[..., Any]:
    """The function behind the library route called `name` (FastAPI names routes after them)."""
    return next(route.endpoint for route in app.routes if getattr(route, "name", "") == name)


def _release(version: str, surname: Callable[[str], str] | None) -> FastAPI:
    """The library API as release `version`; with `surname`, it also sends a shelf mark."""
    library = create_app()
    add_book, read_book = _endpoint(library, "create_book"), _endpoint(library, "read_book")
    for title, author, year, isbn in BOOKS:
        add_book(BookCreate(title=title, author=author, year=year, isbn=isbn), Response())

    app = FastAPI(title=f"Library API {version}")

    @app.middleware("http")
    async def stamp_version(request: Request, call_next: Any) -> Response:
        """Name the release on every response; a crash becomes a plain 500, logged here."""
        try:
            response: Response = await call_next(request)
        except Exception:  # answer 500 ourselves: uvicorn would also drop the connection
            logging.getLogger("uvicorn.error").exception("release %s: unhandled error", version)
            response = JSONResponse({"detail": "Internal Server Error"}, status_code=500)
        response.headers["X-App-Version"] = version
        return response

    @app.get("/health")
    def health() -> dict[str, str]:
        """Ready to take traffic: the catalogue is loaded."""
        return {"status": "ok", "version": version}

    if surname is not None:
        @app.get("/books/{book_id}")
        def read_with_shelf_mark(book_id: int, response: Response) -> Any:
            """Release 2's feature: the book, with its shelf mark in a header."""
            book = read_book(book_id)
            response.headers["X-Shelf-Mark"] = surname(book.author)[:3].upper()
            return book

    app.mount("/", library)  # every other route is the library's own
    return app


def create_v1() -> FastAPI:
    """Release 1: the library API as it is."""
    return _release("1", None)


def create_v2_0() -> FastAPI:
    """Release 2.0: adds shelf marks, with a bug on single-word author names."""
    return _release("2.0", lambda author: author.split()[1])


def create_v2_1() -> FastAPI:
    """Release 2.1: the same feature, fixed (the surname is the last word)."""
    return _release("2.1", lambda author: author.split()[-1])
