"""The service layer: one method per use case, orchestrating the rules and the repository."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import date, timedelta

from snippets.languages.logic_library import domain
from snippets.languages.logic_library.domain import Loan
from snippets.languages.logic_library.repository import LibraryRepository


class Clock:
    """Today's date, set by hand: the service never calls `date.today()` itself."""

    def __init__(self, today: date) -> None:
        self.current = today

    def __call__(self) -> date:
        return self.current

    def advance(self, days: int) -> None:
        """Move the clock forward by `days` days."""
        self.current += timedelta(days=days)


# --8<-- [start:service]
class LibraryService:
    """The library's use cases. It knows the rules and the repository's interface, no HTTP."""

    def __init__(self, repo: LibraryRepository, today: Callable[[], date]) -> None:
        self.repo, self.today = repo, today

    def borrow(self, member_id: int, book_id: int) -> Loan:
        """Lend `book_id` to `member_id`, or raise the DomainError that forbids it."""
        with self.repo.transaction():
            if not self.repo.member_exists(member_id):
                raise domain.UnknownMember(f"no member {member_id}")
            if not self.repo.book_exists(book_id):
                raise domain.UnknownBook(f"no book {book_id}")
            if self.repo.book_is_on_loan(book_id):
                raise domain.BookOnLoan(f"book {book_id} is on loan")
            today = self.today()
            domain.check_can_borrow(self.repo.active_loans(member_id), today)  # [mark:rule]
            return self.repo.add_loan(member_id, book_id, today, domain.due_date(today))

    def give_back(self, loan_id: int) -> Loan:
        """Close a loan today and charge its fine."""
        with self.repo.transaction():
            loan = self.repo.get_loan(loan_id)
            if loan is None:
                raise domain.UnknownLoan(f"no loan {loan_id}")
            if loan.returned_on is not None:
                raise domain.AlreadyReturned(f"loan {loan_id} was returned already")
            today = self.today()
            fine = domain.fine_cents(loan.due_on, today)  # [mark:fine]
            return self.repo.close_loan(loan_id, today, fine)
# --8<-- [end:service]


ServiceFactory = Callable[[], AbstractContextManager[LibraryService]]
"""What the HTTP layer is given: call it, and `with` the result, to get a service."""


def always(service: LibraryService) -> ServiceFactory:
    """A ServiceFactory that hands out the same service every time (tests, in-memory demos)."""
    return lambda: nullcontext(service)
