"""The domain: loans, the borrowing rules and the fines, as plain data and pure functions.

Nothing here knows about HTTP, SQL or the clock: every input arrives as an argument, so
each rule can be tested with a handful of values and no server or database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

# --8<-- [start:policy]
MAX_LOANS = 3               # a member may hold at most this many books at once
LOAN_DAYS = 14              # a book is due back this many days after it was borrowed
GRACE_DAYS = 3              # days late that cost nothing
FINE_PER_DAY_CENTS = 25     # money is integer cents: 25 means 0.25
FINE_CAP_CENTS = 500        # no single loan ever costs more than 5.00
# --8<-- [end:policy]


@dataclass(frozen=True)
class Loan:
    """One book lent to one member."""

    id: int
    member_id: int
    book_id: int
    borrowed_on: date
    due_on: date
    returned_on: date | None = None
    fine_cents: int = 0


class DomainError(Exception):
    """A business rule said no. The HTTP layer decides which status code that is."""


class UnknownMember(DomainError):
    """No member has this id."""


class UnknownBook(DomainError):
    """No book has this id."""


class UnknownLoan(DomainError):
    """No loan has this id."""


class BookOnLoan(DomainError):
    """Someone else holds this book."""


class LoanLimitReached(DomainError):
    """The member already holds MAX_LOANS books."""


class HasOverdueLoans(DomainError):
    """The member holds a book past its due date."""


class AlreadyReturned(DomainError):
    """The loan was closed before."""


# --8<-- [start:rules]
def due_date(borrowed_on: date) -> date:
    """The day a book borrowed on `borrowed_on` must be back."""
    return borrowed_on + timedelta(days=LOAN_DAYS)


def fine_cents(due_on: date, returned_on: date) -> int:
    """The fine for a book due on `due_on` and returned on `returned_on`, in cents."""
    days_late = (returned_on - due_on).days
    charged_days = max(0, days_late - GRACE_DAYS)  # [mark:grace]
    return min(charged_days * FINE_PER_DAY_CENTS, FINE_CAP_CENTS)  # [mark:cap]


def check_can_borrow(active: Sequence[Loan], today: date) -> None:
    """Raise the DomainError that stops a member holding `active` loans from borrowing."""
    if len(active) >= MAX_LOANS:
        raise LoanLimitReached(f"a member may hold at most {MAX_LOANS} loans")
    late = [loan.book_id for loan in active if loan.due_on < today]
    if late:
        raise HasOverdueLoans(f"return the overdue books first: {late}")
# --8<-- [end:rules]
