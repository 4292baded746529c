"""JSON has no date type: send ISO 8601 strings, with a time zone."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def encode_loan_naively(due: date) -> str:
    """Try to put a `date` straight into JSON; `json` refuses it."""
    return json.dumps({"book_id": 7, "member": "ada", "due": due})


def main() -> None:
    """Show the TypeError, the ISO 8601 fix, and what a missing time zone costs."""
    # --8<-- [start:fails]
    due = date(2025, 3, 15)
    try:
        encode_loan_naively(due)
    except TypeError as error:
        print("json.dumps:", error)
    # --8<-- [end:fails]

    # --8<-- [start:iso]
    returned_at = datetime(2025, 3, 14, 16, 45, tzinfo=UTC)
    loan = {"due": due.isoformat(), "returned_at": returned_at.isoformat()}  # [mark:iso]
    body = json.dumps(loan)
    print("sent:    ", body)
    received = json.loads(body)
    print("received:", {key: type(value).__name__ for key, value in received.items()})
    print("parsed:  ", date.fromisoformat(received["due"]),
          datetime.fromisoformat(received["returned_at"]))
    print("with Z:  ", datetime.fromisoformat("2025-03-14T16:45:00Z"))  # Python 3.11+
    # --8<-- [end:iso]

    # --8<-- [start:zones]
    naive = "2025-03-14T16:45:00"  # no offset: 16:45 where?  # [mark:naive]
    for zone in ("Europe/Paris", "America/New_York"):
        local = datetime.fromisoformat(naive).replace(tzinfo=ZoneInfo(zone))
        print(f"{zone:17} reads it as {local.astimezone(UTC).isoformat()}")
    # --8<-- [end:zones]


if __name__ == "__main__":
    main()
