"""Mirrors snippets/apis/data_pydantic.py: what Pydantic v2 writes and refuses."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from pydantic import ValidationError

from snippets.apis.data_pydantic import LaxReading, Loan


def make_loan() -> Loan:
    return Loan(id=1_234_567_890_123_456_789, book_id=7, member="ada", due=date(2025, 3, 15),
                borrowed_at=datetime(2025, 3, 1, 9, 30, tzinfo=UTC), late_fee=Decimal("0.30"))


def test_json_types_on_the_wire() -> None:
    wire = json.loads(make_loan().model_dump_json())
    assert wire["id"] == "1234567890123456789"
    assert wire["late_fee"] == "0.30"
    assert wire["borrowed_at"] == "2025-03-01T09:30:00Z"
    assert wire["due"] == "2025-03-15"


def test_python_mode_keeps_the_int() -> None:
    assert make_loan().model_dump()["id"] == 1_234_567_890_123_456_789


def test_round_trip() -> None:
    loan = make_loan()
    assert Loan.model_validate_json(loan.model_dump_json()) == loan


@pytest.mark.parametrize(("field", "bad"), [("borrowed_at", "2025-03-01T09:30:00"),
                                            ("rating", "NaN"), ("late_fee", "0.1O")])
def test_bad_values_are_refused(field: str, bad: str) -> None:
    with pytest.raises(ValidationError):
        Loan.model_validate({**make_loan().model_dump(mode="json"), field: bad})


def test_plain_float_nan_becomes_null_silently() -> None:
    assert LaxReading(average_rating=float("nan")).model_dump_json() == '{"average_rating":null}'
