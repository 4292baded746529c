"""Mirrors snippets/databases/schema_first_normal_form.py: LIKE on a list finds a wrong row."""

from __future__ import annotations

import pytest

from labkit import db
from snippets.databases import schema_first_normal_form as s


def test_list_column_gives_a_false_match_and_rows_do_not(
        capsys: pytest.CaptureFixture[str]) -> None:
    s.main()
    out = capsys.readouterr().out
    assert "orders containing BK-1: [1, 2, 3]" in out  # order 2 only holds BK-12
    assert "One row per item:  orders containing BK-1: [1, 3]" in out


def test_query_functions_on_their_own() -> None:
    with db.scratch(db.ENGINES["sqlite"]) as conn:
        conn.execute("CREATE TABLE orders_flat (order_id INTEGER PRIMARY KEY, customer TEXT,"
                     " skus TEXT)")
        conn.executemany("INSERT INTO orders_flat VALUES (?, ?, ?)", s.ORDERS)
        conn.execute("CREATE TABLE order_items (order_id INTEGER, sku TEXT)")
        conn.executemany("INSERT INTO order_items VALUES (?, ?)",
                         [(o, sku) for o, _, skus in s.ORDERS for sku in skus.split(",")])
        truth = {o for o, _, skus in s.ORDERS if "BK-1" in skus.split(",")}
        assert set(s.orders_with_item_rows(conn, "BK-1")) == truth
        assert set(s.orders_with_list_column(conn, "BK-1")) > truth
