"""Every error as an RFC 9457 problem details object, from one set of exception handlers."""

from __future__ import annotations

import json

import httpx
from fastapi import FastAPI
from pydantic import BaseModel

from labkit.serve import serve_in_thread
from snippets.apis.design_app.problems import Problem, install_problem_handlers

BOOKS = {1: "A Wizard of Earthsea", 2: "Kindred"}


class LoanIn(BaseModel):
    """A request to lend a book to a member."""

    book_id: int
    member: str


# --8<-- [start:app]
def create_app() -> FastAPI:
    """The library API: lend books, and fail in every way a client can meet."""
    app = FastAPI()
    install_problem_handlers(app)  # [mark:install]
    on_loan: set[int] = {2}

    @app.post("/loans", status_code=201)
    def lend(loan: LoanIn) -> dict[str, object]:
        if loan.book_id not in BOOKS:
            raise Problem(404, detail=f"There is no book {loan.book_id}.")
        if loan.book_id in on_loan:
            raise Problem(409, "book-on-loan", f"Book {loan.book_id} is already on loan.",
                          title="This book is on loan", book_id=loan.book_id)  # [mark:domain]
        on_loan.add(loan.book_id)
        return {"book_id": loan.book_id, "member": loan.member}

    @app.get("/reports/overdue")
    def overdue() -> dict[str, int]:
        return {"overdue": 1 // 0}  # a bug, on purpose

    return app
# --8<-- [end:app]


def show(response: httpx.Response) -> None:
    """Print the status line, the media type and the body of a response."""
    print(f"{response.status_code} {response.reason_phrase}  "
          f"Content-Type: {response.headers['content-type']}")
    print(json.dumps(response.json(), indent=2))


def main() -> None:
    """Fail five different ways; every failure has the same shape."""
    with serve_in_thread(create_app()) as base, httpx.Client(base_url=base) as client:
        # --8<-- [start:requests]
        show(client.post("/loans", json={"book_id": 7, "member": "ada"}))
        show(client.post("/loans", json={"book_id": 2, "member": "ada"}))
        show(client.post("/loans", json={"book_id": "two"}))
        show(client.get("/shelves"))
        show(client.get("/reports/overdue"))
        # --8<-- [end:requests]


if __name__ == "__main__":
    main()
