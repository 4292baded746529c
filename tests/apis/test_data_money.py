"""Mirrors snippets/apis/data_money.py: floats drift, Decimal and cents stay exact."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest


def test_three_float_fees_do_not_make_030() -> None:
    fees = json.loads('{"f": [0.10, 0.10, 0.10]}')["f"]
    assert sum(fees) != 0.30
    assert 0.1 + 0.2 == 0.30000000000000004


def test_parse_float_decimal_is_exact() -> None:
    fees = json.loads('{"f": [0.10, 0.10, 0.10]}', parse_float=Decimal)["f"]
    assert sum(fees) == Decimal("0.30")
    assert str(sum(fees)) == "0.30"


def test_json_refuses_decimal() -> None:
    with pytest.raises(TypeError):
        json.dumps(Decimal("0.10"))
