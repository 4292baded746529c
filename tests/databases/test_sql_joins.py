"""Mirrors snippets/databases/sql_joins.py: what each join returns, engine by engine."""

from __future__ import annotations

from typing import Any

import pytest

from labkit import db
from tests.support import rows


def test_left_join_fills_unmatched_columns_with_null(shop: Any) -> None:
    got = rows(shop, """SELECT c.name, o.id, o.total_cents FROM customers AS c
                        LEFT JOIN orders AS o ON o.customer_id = c.id""")
    assert len(got) == 7
    assert ("Margaret", None, None) in got


def test_inner_join_drops_unmatched_rows_on_both_sides(shop: Any) -> None:
    got = rows(shop, """SELECT c.name, o.id FROM customers AS c
                        JOIN orders AS o ON o.customer_id = c.id""")
    assert len(got) == 6
    assert "Margaret" not in {name for name, _ in got}
    assert 7 not in {order for _, order in got}  # the guest order


def test_where_on_the_right_table_turns_left_into_inner(shop: Any) -> None:
    base = "SELECT c.name FROM customers AS c LEFT JOIN orders AS o ON o.customer_id = c.id"
    in_where = rows(shop, base + " WHERE o.ordered_on >= '2024-03-03'")
    in_on = rows(shop, base + " AND o.ordered_on >= '2024-03-03'")
    assert {n for (n,) in in_where} == {"Ada", "Grace"}
    assert {n for (n,) in in_on} == {"Ada", "Grace", "Linus", "Margaret"}


FULL = """SELECT c.name, o.id FROM customers AS c
          FULL OUTER JOIN orders AS o ON o.customer_id = c.id"""
EMULATED = """SELECT c.name, o.id FROM customers AS c LEFT JOIN orders AS o ON o.customer_id = c.id
              UNION ALL
              SELECT NULL, o.id FROM orders AS o
              WHERE NOT EXISTS (SELECT 1 FROM customers AS c WHERE c.id = o.customer_id)"""


def test_full_outer_join_where_supported_and_its_emulation(shop: Any) -> None:
    emulated = rows(shop, EMULATED)
    assert len(emulated) == 8
    assert ("Margaret", None) in emulated and (None, 7) in emulated
    if db.current().name == "mariadb":
        with pytest.raises(shop.Error) as caught:
            rows(shop, FULL)
        assert caught.value.args[0] == 1064  # syntax error: MariaDB has no FULL JOIN
    else:
        assert sorted(rows(shop, FULL), key=repr) == sorted(emulated, key=repr)


def test_where_nulls_sort(shop: Any) -> None:
    """PostgreSQL sorts NULL after every value; SQLite and MariaDB sort it first."""
    got = rows(shop, "SELECT customer_id FROM orders ORDER BY customer_id")
    expected_first = db.current().name != "postgresql"
    assert (got[0] == (None,)) is expected_first
    assert (got[-1] == (None,)) is not expected_first
