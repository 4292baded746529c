"""NaN and Infinity are not JSON, yet Python's json writes them unless allow_nan=False."""

from __future__ import annotations

import json
import math


def reject_constant(name: str) -> float:
    """`parse_constant` hook: refuse NaN, Infinity and -Infinity as a strict parser would."""
    raise ValueError(f"{name} is not valid JSON (RFC 8259, section 6)")


def main() -> None:
    """Write an average rating that is NaN, read it back leniently and strictly."""
    # --8<-- [start:nan]
    ratings: list[float] = []  # a book nobody has rated yet
    average = sum(ratings) / len(ratings) if ratings else math.nan
    body = json.dumps({"book_id": 7, "average_rating": average})
    print("default:   ", body)  # [mark:default]
    print("Python reads it back:", json.loads(body))
    try:
        json.loads(body, parse_constant=reject_constant)
    except ValueError as error:
        print("strict reader:", error)
    # --8<-- [end:nan]

    # --8<-- [start:strict]
    try:
        json.dumps({"book_id": 7, "average_rating": average}, allow_nan=False)  # [mark:allow-nan]
    except ValueError as error:
        print("allow_nan=False:", error)
    fixed = None if math.isnan(average) else average
    print("send null instead:", json.dumps({"book_id": 7, "average_rating": fixed}))
    # --8<-- [end:strict]


if __name__ == "__main__":
    main()
