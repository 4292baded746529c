"""Reference solution: send a loan as JSON that no client can misread."""

from __future__ import annotations

import json
import math
from datetime import date
from decimal import Decimal
from typing import Any


def _refuse(name: str) -> float:
    """`parse_constant` hook: NaN, Infinity and -Infinity are not JSON."""
    raise ValueError(f"{name} is not valid JSON")


def loan_to_json(loan: dict[str, Any]) -> str:
    """Encode a loan as JSON text that keeps every value exact."""
    rating = loan["rating"]
    if rating is not None and not math.isfinite(rating):
        raise ValueError(f"rating must be a finite number, not {rating!r}")
    wire = {
        "id": str(loan["id"]),
        "book_id": loan["book_id"],
        "member": loan["member"],
        "due": loan["due"].isoformat(),
        "late_fee": str(loan["late_fee"]),
        "rating": rating,
    }
    return json.dumps(wire, ensure_ascii=False, allow_nan=False)


def loan_from_json(body: str) -> dict[str, Any]:
    """Decode JSON text written by `loan_to_json` back into a loan dict."""
    wire = json.loads(body, parse_constant=_refuse)
    return {
        "id": int(wire["id"]),
        "book_id": wire["book_id"],
        "member": wire["member"],
        "due": date.fromisoformat(wire["due"]),
        "late_fee": Decimal(wire["late_fee"]),
        "rating": wire["rating"],
    }
