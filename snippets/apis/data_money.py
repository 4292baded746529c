"""Floats lose money: send amounts as decimal strings or integer cents."""

from __future__ import annotations

import json
from decimal import Decimal


def main() -> None:
    """Add three late fees of 0.10 three ways, and round-trip a Decimal through JSON."""
    # --8<-- [start:float]
    print("0.1 + 0.2 =", 0.1 + 0.2)
    body = '{"late_fees": [0.10, 0.10, 0.10]}'
    fees = json.loads(body)["late_fees"]  # JSON numbers become Python floats
    total = sum(fees)
    print("float total:", total, "| equals 0.30?", total == 0.30)  # [mark:float-total]
    # --8<-- [end:float]

    # --8<-- [start:decimal]
    try:
        json.dumps({"fee": Decimal("0.10")})
    except TypeError as error:
        print("json.dumps:", error)

    exact = json.loads(body, parse_float=Decimal)["late_fees"]  # [mark:parse-float]
    print("Decimal total:", sum(exact))
    # --8<-- [end:decimal]

    # --8<-- [start:wire]
    as_string = {"fee": str(sum(exact)), "currency": "EUR"}
    as_cents = {"fee_cents": 30, "currency": "EUR"}
    print("as a string:", json.dumps(as_string))
    print("as cents:   ", json.dumps(as_cents))
    print("read back:  ", Decimal(json.loads(json.dumps(as_string))["fee"]))
    # --8<-- [end:wire]


if __name__ == "__main__":
    main()
