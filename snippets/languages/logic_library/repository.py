"""The repository interface the service depends on, and the in-memory fake for unit tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import date
from typing import Protocol

from snippets.languages.logic_library.domain import BookOnLoan, Loan


# --8<-- [start:protocol]
class LibraryRepository(Protocol):
    """What the service needs from storage, and nothing about how it is stored."""

    def transaction(self) -> AbstractContextManager[None]:
        """Everything inside the `with` block commits together or not at all."""
        ...

    def member_exists(self, member_id: int) -> bool: ...
    def book_exists(self, book_id: int) -> bool: ...
    def active_loans(self, member_id: int) -> list[Loan]: ...
    def book_is_on_loan(self, book_id: int) -> bool: ...
    def get_loan(self, loan_id: int) -> Loan | None: ...
    def add_loan(self, member_id: int, book_id: int, borrowed_on: date,
                 due_on: date) -> Loan: ...
    def close_loan(self, loan_id: int, returned_on: date, fine_cents: int) -> Loan: ...
# --8<-- [end:protocol]


# --8<-- [start:fake]
class InMemoryLibrary:
    """A LibraryRepository kept in dicts: fast, isolated, and enough for unit tests."""

    def __init__(self, members: set[int], books: set[int]) -> None:
        self.members, self.books = set(members), set(books)
        self.loans: dict[int, Loan] = {}

    @contextmanager
    def transaction(self) -> Iterator[None]:
        yield  # a single-threaded fake has nothing to roll back

    def member_exists(self, member_id: int) -> bool:
        return member_id in self.members

    def book_exists(self, book_id: int) -> bool:
        return book_id in self.books

    def active_loans(self, member_id: int) -> list[Loan]:
        return [loan for loan in self.loans.values()
                if loan.member_id == member_id and loan.returned_on is None]

    def book_is_on_loan(self, book_id: int) -> bool:
        return any(loan.book_id == book_id and loan.returned_on is None
                   for loan in self.loans.values())

    def get_loan(self, loan_id: int) -> Loan | None:
        return self.loans.get(loan_id)

    def add_loan(self, member_id: int, book_id: int, borrowed_on: date, due_on: date) -> Loan:
        if self.book_is_on_loan(book_id):
            raise BookOnLoan(f"book {book_id} is on loan")
        loan = Loan(len(self.loans) + 1, member_id, book_id, borrowed_on, due_on)
        self.loans[loan.id] = loan
        return loan

    def close_loan(self, loan_id: int, returned_on: date, fine_cents: int) -> Loan:
        loan = replace(self.loans[loan_id], returned_on=returned_on, fine_cents=fine_cents)
        self.loans[loan_id] = loan
        return loan
# --8<-- [end:fake]
