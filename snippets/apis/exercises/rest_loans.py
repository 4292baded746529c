"""Lend books: a REST resource for loans

Write `create_app(book_ids)`: a FastAPI app for the loans of the books whose ids are in
`book_ids`, kept in memory. Use the models below for the request and response bodies.

- `POST /loans` with a `LoanCreate` body answers **201 Created**, a `Location` header with
  the path of the new loan (`/loans/1`, then `/loans/2`, ...) and the loan as a `LoanRead`.
- Lending a book that is already on loan answers **409 Conflict**. Lending a book that is
  not in the library answers **422** (the URL is fine; the body names something missing).
- `GET /loans/{loan_id}` answers 200 with the loan, or **404** if there is no such loan.
- `DELETE /loans/{loan_id}` (the book comes back) answers **204 No Content** with no body,
  or 404; once returned, the book can be lent again.
"""

from __future__ import annotations

from datetime import date

from fastapi import FastAPI
from pydantic import BaseModel, Field


class LoanCreate(BaseModel):
    """What a client sends to lend a book."""

    book_id: int
    member: str = Field(min_length=1, max_length=80)
    due: date


class LoanRead(LoanCreate):
    """A loan as the API returns it."""

    id: int


def create_app(book_ids: set[int]) -> FastAPI:
    """An app that lends the books in `book_ids`; it starts with no loans."""
    raise NotImplementedError("write create_app")
