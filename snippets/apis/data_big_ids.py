"""A 64-bit id through a JavaScript-style float: above 2**53 it changes. Send ids as strings."""

from __future__ import annotations

import json

MAX_SAFE_INTEGER = 2**53 - 1
"""The largest n such that n and n + 1 are both exact as IEEE 754 doubles (JS `Number`)."""


def read_like_javascript(body: str) -> dict[str, object]:
    """Parse JSON the way `JSON.parse` does: every number becomes an IEEE 754 double."""
    return json.loads(body, parse_int=float)


def main() -> None:
    """Round-trip three ids as numbers, then the big one as a string."""
    # --8<-- [start:ids]
    for loan_id in (MAX_SAFE_INTEGER, 2**53 + 1, 1_234_567_890_123_456_789):
        body = json.dumps({"id": loan_id})
        seen = read_like_javascript(body)["id"]
        sent_back = int(seen)  # the client uses it in DELETE /loans/{id}
        verdict = "same" if sent_back == loan_id else f"WRONG by {sent_back - loan_id}"
        print(f"{body:30} -> sent back as {sent_back:<19} {verdict}")  # [mark:verdict]
    # --8<-- [end:ids]

    # --8<-- [start:string]
    body = json.dumps({"id": str(1_234_567_890_123_456_789)})  # [mark:as-string]
    seen = read_like_javascript(body)["id"]
    print(f"{body:30} -> sent back as {seen:<19} same")
    # --8<-- [end:string]


if __name__ == "__main__":
    main()
