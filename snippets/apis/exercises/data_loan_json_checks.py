"""Hidden checks for the data_loan_json exercise."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from types import ModuleType
from typing import Any

LOAN: dict[str, Any] = {
    "id": 1_234_567_890_123_456_789, "book_id": 7, "member": "Zoë",
    "due": date(2025, 3, 15), "late_fee": Decimal("0.30"), "rating": 4.5,
}


def check_round_trip(module: ModuleType) -> None:
    """loan_from_json(loan_to_json(loan)) gives back the same values and types."""
    back = module.loan_from_json(module.loan_to_json(LOAN))
    assert back == LOAN, f"round trip changed the loan: {back!r}"
    for key in ("id", "due", "late_fee"):
        assert type(back[key]) is type(LOAN[key]), (
            f"{key} came back as {type(back[key]).__name__}, expected {type(LOAN[key]).__name__}"
        )


def check_id_survives_javascript(module: ModuleType) -> None:
    """The 64-bit id is sent as a string, so a parser that reads numbers as doubles keeps it."""
    as_javascript = json.loads(module.loan_to_json(LOAN), parse_int=float)
    assert as_javascript["id"] == "1234567890123456789", (
        f"a JavaScript client reads id as {as_javascript['id']!r}; send it as a string"
    )


def check_wire_formats(module: ModuleType) -> None:
    """The due date is an ISO 8601 string and the fee a decimal string, exactly "0.30"."""
    wire = json.loads(module.loan_to_json(LOAN))
    assert wire["due"] == "2025-03-15", f"due is {wire['due']!r}, expected '2025-03-15'"
    assert wire["late_fee"] == "0.30", f"late_fee is {wire['late_fee']!r}, expected '0.30'"


def check_utf8_text(module: ModuleType) -> None:
    """Non-ASCII text is written as itself, not as a \\u escape."""
    body = module.loan_to_json(LOAN)
    assert "Zoë" in body, f"expected 'Zoë' in the JSON text, got {body!r} (ensure_ascii?)"


def check_refuses_nan_out(module: ModuleType) -> None:
    """A NaN or infinite rating raises ValueError instead of writing invalid JSON."""
    for bad in (float("nan"), float("inf")):
        try:
            body = module.loan_to_json({**LOAN, "rating": bad})
        except ValueError:
            continue
        raise AssertionError(f"rating={bad!r} should raise ValueError, got {body!r}")


def check_refuses_nan_in(module: ModuleType) -> None:
    """A body containing NaN raises ValueError when read."""
    body = ('{"id": "1", "book_id": 7, "member": "ada", "due": "2025-03-15",'
            ' "late_fee": "0.30", "rating": NaN}')
    try:
        loan = module.loan_from_json(body)
    except ValueError:
        return
    raise AssertionError(f"a body with NaN should raise ValueError, got {loan!r}")
