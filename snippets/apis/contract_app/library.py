"""The documented library API: books and loans, in memory, in two versions.

No `from __future__ import annotations` here: FastAPI reads the annotations of the route
functions defined inside `build_app`, and it can only resolve them if they are real objects.
"""

from collections.abc import Awaitable, Callable
from datetime import date, timedelta

from fastapi import FastAPI, Query, Request, Response
from fastapi.responses import JSONResponse
from starlette.routing import Match

from snippets.apis.contract_app.models import (
    Book,
    BookIn,
    Loan,
    LoanRequest,
    LoanRequestV1,
    Problem,
)

NOT_FOUND = {404: {"model": Problem, "description": "No book has this id"}}
# --8<-- [start:bad-body]
BAD_BODY = {400: {"description": "The body is not UTF-8 text (FastAPI answers this itself)"}}
# --8<-- [end:bad-body]


def build_app(*, fixed: bool = True, today: Callable[[], date] = date.today) -> FastAPI:
    """A fresh app with two books; `fixed=False` keeps the two bugs of the first version.

    `today` is the clock the due dates are computed from; tests pass a fixed one.
    """
    app = FastAPI(
        title="Library API",
        version="2.0.0" if fixed else "1.0.0",
        description="Books, and loans of books to members.",
    )
    books: dict[int, Book] = {
        1: Book(id=1, title="The Dispossessed", author="Ursula K. Le Guin", year=1974,
                isbn="9780060512750"),
        2: Book(id=2, title="Kindred", author="Octavia E. Butler", year=1979,
                isbn="9780807083697"),
    }
    loans: dict[int, Loan] = {}

    # --8<-- [start:allow]
    @app.middleware("http")
    async def complete_allow_header(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        """On a 405, list every method of the path in Allow, not only the first route's."""
        response = await call_next(request)
        if response.status_code == 405:
            methods = set()
            for route in app.routes:
                match, _ = route.matches(request.scope)
                if match is not Match.NONE:
                    methods |= getattr(route, "methods", set())
            response.headers["Allow"] = ", ".join(sorted(methods))
        return response
    # --8<-- [end:allow]

    # --8<-- [start:not-found]
    def not_found(book_id: int) -> JSONResponse:
        """The 404 answer for a book id that does not exist."""
        if not fixed:
            return JSONResponse({"error": "no such book"}, status_code=404)  # [mark:drift]
        problem = Problem(title="Book not found", status=404, detail=f"No book has id {book_id}")
        return JSONResponse(problem.model_dump(), status_code=404)
    # --8<-- [end:not-found]

    # --8<-- [start:routes]
    @app.get("/books", tags=["books"])
    def list_books(
        author: str | None = Query(default=None, max_length=120,
                                   description="Only books whose author contains this text"),
    ) -> list[Book]:
        """List the books, optionally filtered by author."""
        found = books.values()
        if author is not None:
            found = [book for book in found if author.lower() in book.author.lower()]
        return list(found)

    @app.post("/books", status_code=201, tags=["books"], responses=BAD_BODY)
    def add_book(book: BookIn) -> Book:
        """Add a book to the catalogue and return it with its new id."""
        new = Book(id=max(books, default=0) + 1, **book.model_dump())
        books[new.id] = new
        return new

    @app.get("/books/{book_id}", tags=["books"], responses=NOT_FOUND)  # [mark:responses]
    def get_book(book_id: int) -> Book:  # [mark:response-model]
        """Return one book."""
        if book_id not in books:
            return not_found(book_id)
        return books[book_id]
    # --8<-- [end:routes]

    # --8<-- [start:borrow]
    LoanBody = LoanRequest if fixed else LoanRequestV1

    @app.post("/books/{book_id}/loans", status_code=201, tags=["loans"],
              responses={**NOT_FOUND, **BAD_BODY})
    def borrow(book_id: int, request: LoanBody) -> Loan:
        """Lend a book to a member for `days` days."""
        if book_id not in books:
            return not_found(book_id)
        due = today() + timedelta(days=request.days)  # [mark:overflow]
        loan = Loan(id=len(loans) + 1, book_id=book_id, member=request.member, due=due)
        loans[loan.id] = loan
        return loan
    # --8<-- [end:borrow]

    return app
