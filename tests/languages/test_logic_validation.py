"""Mirrors snippets/languages/logic_validation.py: bad input stops at the boundary."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.languages.logic_library.domain import Loan
from snippets.languages.logic_library.repository import InMemoryLibrary
from snippets.languages.logic_library.service import Clock, always
from snippets.languages.logic_library.web import LoanOut, create_app
from snippets.languages.logic_validation import CountingService

BAD = [
    {"member_id": "one", "book_id": 1},
    {"member_id": "1", "book_id": 1},
    {"member_id": 1.5, "book_id": 1},
    {"member_id": 0, "book_id": 1},
    {"member_id": 1},
    {"member_id": 1, "book_id": 1, "extra": True},
    [1, 1],
]


@pytest.fixture()
def served() -> tuple[httpx.Client, CountingService]:
    service = CountingService(InMemoryLibrary(members={1}, books={1}), Clock(date(2025, 3, 3)))
    with serve_in_thread(create_app(always(service))) as base, \
            httpx.Client(base_url=base) as client:
        yield client, service


def test_bad_input_never_reaches_the_service(served: tuple[httpx.Client, CountingService]) -> None:
    client, service = served
    for body in BAD:
        assert client.post("/loans", json=body).status_code == 422, body
    assert service.calls == 0
    assert client.post("/loans", json={"member_id": 1, "book_id": 1}).status_code == 201
    assert service.calls == 1


def test_money_leaves_as_an_exact_decimal() -> None:
    loan = Loan(1, 1, 1, date(2025, 3, 3), date(2025, 3, 17), date(2025, 3, 30), 250)
    out = LoanOut.of(loan)
    assert out.fine == Decimal("2.50")
    assert out.model_dump(mode="json")["fine"] == "2.50"
