"""The HTTP layer: validate the request, call one service method, shape the response."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, PositiveInt

from snippets.languages.logic_library import domain
from snippets.languages.logic_library.domain import Loan
from snippets.languages.logic_library.service import LibraryService, ServiceFactory


# --8<-- [start:models]
class BorrowIn(BaseModel):
    """The body of POST /loans. Anything else is refused with a 422."""

    model_config = ConfigDict(extra="forbid", strict=True)  # [mark:strict]
    member_id: PositiveInt
    book_id: PositiveInt


class LoanOut(BaseModel):
    """A loan as clients see it: chosen fields, not the storage row."""

    id: int
    book_id: int
    borrowed_on: date
    due_on: date
    returned_on: date | None
    fine: Decimal  # [mark:money]

    @classmethod
    def of(cls, loan: Loan) -> LoanOut:
        """Turn a domain Loan into the response model (integer cents become a Decimal)."""
        return cls(id=loan.id, book_id=loan.book_id, borrowed_on=loan.borrowed_on,
                   due_on=loan.due_on, returned_on=loan.returned_on,
                   fine=Decimal(loan.fine_cents).scaleb(-2))
# --8<-- [end:models]


# --8<-- [start:errors]
STATUS_FOR: dict[type[domain.DomainError], int] = {
    domain.UnknownMember: 404,
    domain.UnknownBook: 404,
    domain.UnknownLoan: 404,
    domain.BookOnLoan: 409,
    domain.LoanLimitReached: 409,
    domain.HasOverdueLoans: 409,
    domain.AlreadyReturned: 409,
}


def domain_error_response(request: Request, error: Exception) -> JSONResponse:
    """The one place where a business rule's refusal becomes an HTTP status."""
    status = STATUS_FOR.get(type(error), 400)
    return JSONResponse({"error": type(error).__name__, "detail": str(error)}, status)
# --8<-- [end:errors]


# --8<-- [start:routes]
def get_service(request: Request) -> Iterator[LibraryService]:
    """A dependency: one service (and, on SQLite, one connection) per request."""
    with request.app.state.open_service() as service:
        yield service


Service = Annotated[LibraryService, Depends(get_service)]


def create_app(open_service: ServiceFactory,
               after_borrow: Callable[[Loan], None] | None = None) -> FastAPI:
    """The library's HTTP API over whatever service `open_service` provides."""
    app = FastAPI()
    app.state.open_service = open_service
    app.add_exception_handler(domain.DomainError, domain_error_response)

    @app.post("/loans", status_code=201)
    def borrow(body: BorrowIn, service: Service, tasks: BackgroundTasks) -> LoanOut:
        loan = service.borrow(body.member_id, body.book_id)  # [mark:call]
        if after_borrow is not None:
            tasks.add_task(after_borrow, loan)  # runs after the response is sent
        return LoanOut.of(loan)

    @app.post("/loans/{loan_id}/return")
    def give_back(loan_id: int, service: Service) -> LoanOut:
        return LoanOut.of(service.give_back(loan_id))

    return app
# --8<-- [end:routes]
