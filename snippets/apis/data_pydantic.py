"""Pydantic v2 serialization of dates, decimals, 64-bit ids and NaN, with the safe choices."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, Field, PlainSerializer, ValidationError

# --8<-- [start:model]
BigId = Annotated[int, PlainSerializer(str, return_type=str, when_used="json")]  # [mark:big-id]


class Loan(BaseModel):
    """A loan as the API sends it: every value survives any JSON parser."""

    id: BigId
    book_id: int
    member: str
    due: date
    borrowed_at: AwareDatetime  # [mark:aware]
    late_fee: Decimal
    rating: float | None = Field(default=None, allow_inf_nan=False)  # [mark:no-nan]
# --8<-- [end:model]


class LaxReading(BaseModel):
    """A model with a plain float field, to show what Pydantic does with NaN by default."""

    average_rating: float


def main() -> None:
    """Dump a loan to JSON, read one back, and feed in three bad values."""
    # --8<-- [start:dump]
    loan = Loan(
        id=1_234_567_890_123_456_789, book_id=7, member="ada", due=date(2025, 3, 15),
        borrowed_at=datetime(2025, 3, 1, 9, 30, tzinfo=UTC), late_fee=Decimal("0.30"),
    )
    body = loan.model_dump_json()
    print(body)
    print(Loan.model_validate_json(body) == loan)
    # --8<-- [end:dump]

    # --8<-- [start:reject]
    good = loan.model_dump(mode="json")
    for field, bad in (("borrowed_at", "2025-03-01T09:30:00"), ("rating", "NaN"),
                       ("late_fee", "0.1O")):
        try:
            Loan.model_validate({**good, field: bad})
        except ValidationError as error:
            first = error.errors()[0]
            print(f"{field}={bad!r}: {first['msg']}")
    # --8<-- [end:reject]

    # --8<-- [start:lax]
    print(LaxReading(average_rating=float("nan")).model_dump_json())  # [mark:null]
    # --8<-- [end:lax]


if __name__ == "__main__":
    main()
