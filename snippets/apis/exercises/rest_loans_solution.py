"""Reference solution: the loans resource, with 201 + Location, 204, 404, 409 and 422."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Response, status

from snippets.apis.exercises.rest_loans import LoanCreate, LoanRead


def create_app(book_ids: set[int]) -> FastAPI:
    """An app that lends the books in `book_ids`; it starts with no loans."""
    app = FastAPI()
    loans: dict[int, LoanRead] = {}
    counter = {"last": 0}

    def find(loan_id: int) -> LoanRead:
        if loan_id not in loans:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"No loan has id {loan_id}")
        return loans[loan_id]

    @app.post("/loans", status_code=status.HTTP_201_CREATED)
    def lend(loan: LoanCreate, response: Response) -> LoanRead:
        if loan.book_id not in book_ids:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                                f"There is no book {loan.book_id}")
        if any(other.book_id == loan.book_id for other in loans.values()):
            raise HTTPException(status.HTTP_409_CONFLICT, f"Book {loan.book_id} is on loan")
        counter["last"] += 1
        created = LoanRead(id=counter["last"], **loan.model_dump())
        loans[created.id] = created
        response.headers["Location"] = app.url_path_for("read_loan", loan_id=created.id)
        return created

    @app.get("/loans/{loan_id}")
    def read_loan(loan_id: int) -> LoanRead:
        return find(loan_id)

    @app.delete("/loans/{loan_id}", status_code=status.HTTP_204_NO_CONTENT)
    def return_book(loan_id: int) -> None:
        find(loan_id)
        del loans[loan_id]

    return app
