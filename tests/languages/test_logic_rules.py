"""Mirrors snippets/languages/logic_rules.py: the rules as pure functions, many cases, no I/O."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from snippets.languages.logic_library import domain
from snippets.languages.logic_library.domain import Loan, check_can_borrow, fine_cents
from snippets.languages.logic_library.repository import InMemoryLibrary
from snippets.languages.logic_library.service import Clock, LibraryService
from snippets.languages.logic_rules import borrow_in_memory

DUE = date(2025, 3, 17)


@pytest.mark.parametrize(("days_late", "cents"), [
    (-30, 0), (0, 0), (1, 0), (3, 0),      # early, on time, inside the grace period
    (4, 25), (5, 50), (10, 175),           # 25 cents a day after the grace period
    (22, 475), (23, 500), (24, 500), (400, 500),  # capped at 5.00
])
def test_fine(days_late: int, cents: int) -> None:
    assert fine_cents(DUE, DUE + timedelta(days=days_late)) == cents


@given(st.integers(-1000, 1000), st.integers(0, 1000))
def test_fine_is_bounded_and_never_drops_with_lateness(days: int, extra: int) -> None:
    early = fine_cents(DUE, DUE + timedelta(days=days))
    later = fine_cents(DUE, DUE + timedelta(days=days + extra))
    assert 0 <= early <= later <= domain.FINE_CAP_CENTS


def _loan(due: date) -> Loan:
    return Loan(1, 1, 1, due - timedelta(days=14), due)


@pytest.mark.parametrize(("dues", "refusal"), [
    ([], None),
    ([DUE, DUE], None),
    ([DUE, DUE, DUE], domain.LoanLimitReached),
    ([DUE - timedelta(days=1)], domain.HasOverdueLoans),
    ([DUE - timedelta(days=1)] * 3, domain.LoanLimitReached),  # the limit is checked first
])
def test_eligibility(dues: list[date], refusal: type[Exception] | None) -> None:
    loans = [_loan(due) for due in dues]
    if refusal is None:
        check_can_borrow(loans, DUE)
    else:
        with pytest.raises(refusal):
            check_can_borrow(loans, DUE)


def test_due_on_the_due_date_is_not_overdue() -> None:
    check_can_borrow([_loan(DUE)], DUE)


def test_service_on_the_fake() -> None:
    clock = Clock(date(2025, 3, 3))
    service = LibraryService(InMemoryLibrary(members={1, 2}, books={1, 2, 3, 4}), clock)
    loan = service.borrow(1, 1)
    assert loan.due_on == date(2025, 3, 17)
    with pytest.raises(domain.BookOnLoan):
        service.borrow(2, 1)
    with pytest.raises(domain.UnknownMember):
        service.borrow(3, 2)
    clock.advance(24)  # 10 days late
    assert service.give_back(loan.id).fine_cents == 175
    with pytest.raises(domain.AlreadyReturned):
        service.give_back(loan.id)


def test_the_fake_is_fast() -> None:
    assert borrow_in_memory() < 0.5
