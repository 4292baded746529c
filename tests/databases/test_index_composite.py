"""Mirrors snippets/databases/index_composite.py: what an (a, b) index serves, engine by engine."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from labkit import db
from snippets.databases.index_data import analyze, load
from snippets.databases.index_plans import plan

pytestmark = pytest.mark.xdist_group("index_composite")

SCAN = {"sqlite": "SCAN orders", "postgresql": "Seq Scan on orders", "mariadb": "type=ALL"}
SORT = {"sqlite": "USE TEMP B-TREE FOR ORDER BY", "postgresql": "Sort Key:",
        "mariadb": "Using filesort"}
INDEX = "ix_orders_customer_created"


@pytest.fixture(scope="module")
def orders(module_engine: str) -> Iterator[tuple[str, Any]]:
    """The orders with the composite index, on one engine."""
    engine = module_engine
    with db.scratch() as conn:
        load(conn)
        conn.cursor().execute(f"CREATE INDEX {INDEX} ON orders (customer_id, created_at)")
        analyze(conn)
        yield engine, conn


def text_of(conn: Any, sql: str) -> str:
    return "\n".join(plan(conn, sql))


@pytest.mark.parametrize("where", [
    "customer_id = 42",
    "customer_id = 42 AND created_at >= '2024-07-01'",
    "created_at >= '2024-07-01' AND customer_id = 42",  # the order in WHERE does not matter
])
def test_leading_column_is_served(orders: tuple[str, Any], where: str) -> None:
    engine, conn = orders
    text = text_of(conn, f"SELECT id, total_cents FROM orders WHERE {where}")
    assert INDEX in text and SCAN[engine] not in text, text


def test_both_columns_narrow_the_search(orders: tuple[str, Any]) -> None:
    engine, conn = orders
    text = text_of(conn, "SELECT id, total_cents FROM orders"
                         " WHERE customer_id = 42 AND created_at >= '2024-07-01'")
    expected = {"sqlite": "customer_id=? AND created_at>?",
                "postgresql": "Index Cond: ((customer_id = 42) AND (created_at >=",
                "mariadb": "type=range"}
    assert expected[engine] in text, text


def test_second_column_gives_the_order_for_free(orders: tuple[str, Any]) -> None:
    engine, conn = orders
    base = "SELECT created_at, total_cents FROM orders WHERE customer_id = 42 ORDER BY "
    assert SORT[engine] not in text_of(conn, base + "created_at DESC LIMIT 3")
    assert SORT[engine] in text_of(conn, base + "total_cents DESC LIMIT 3")


def test_second_column_alone_is_not_served(orders: tuple[str, Any]) -> None:
    engine, conn = orders
    text = text_of(conn, "SELECT id, total_cents FROM orders WHERE created_at = '2024-07-01'")
    assert SCAN[engine] in text and INDEX not in text, text
