"""Send a loan as JSON that no client can misread.

A loan is a dict like `{"id": 1234567890123456789, "book_id": 7, "member": "Zoë",
"due": date(2025, 3, 15), "late_fee": Decimal("0.30"), "rating": 4.5}` (`rating` may be
None). Write `loan_to_json(loan)` so that the JSON text it returns survives any JSON parser,
JavaScript's included: the id as a string, the due date as an ISO 8601 date, the late fee as
a decimal string, non-ASCII text as plain UTF-8 characters (not `\\u` escapes), and a `ValueError`
for a NaN or infinite rating. Then write `loan_from_json(body)`, which turns that text back
into the same dict (same types: int, date, Decimal) and raises `ValueError` if the body
contains NaN, Infinity or -Infinity.
"""

from __future__ import annotations

from typing import Any


def loan_to_json(loan: dict[str, Any]) -> str:
    """Encode a loan as JSON text that keeps every value exact."""
    raise NotImplementedError("write loan_to_json")


def loan_from_json(body: str) -> dict[str, Any]:
    """Decode JSON text written by `loan_to_json` back into a loan dict."""
    raise NotImplementedError("write loan_from_json")
