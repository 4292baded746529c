"""Mirrors snippets/databases/index_plans.py: the plan changes from a scan to an index search."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from labkit import db
from snippets.databases.index_data import analyze, load, order_rows
from snippets.databases.index_plans import plan, seconds_per_lookup

pytestmark = pytest.mark.xdist_group("index_plans")

SCAN = {"sqlite": "SCAN orders", "postgresql": "Seq Scan on orders", "mariadb": "type=ALL"}


@pytest.fixture(scope="module")
def orders(module_engine: str) -> Iterator[tuple[str, Any]]:
    """The 100,000 orders on one engine, with LAB_ENGINE pointing at it."""
    engine = module_engine
    with db.scratch() as conn:
        load(conn)
        analyze(conn)
        yield engine, conn


def test_index_turns_the_scan_into_a_search(orders: tuple[str, Any]) -> None:
    engine, conn = orders
    p = db.current().placeholder
    sql = f"SELECT id, total_cents FROM orders WHERE customer_id = {p}"
    before = "\n".join(plan(conn, sql, (42,)))
    assert SCAN[engine] in before
    conn.cursor().execute("CREATE INDEX ix_test_customer ON orders (customer_id)")
    analyze(conn)
    after = "\n".join(plan(conn, sql, (42,)))
    assert "ix_test_customer" in after and SCAN[engine] not in after
    customers = range(1, 11)
    conn.cursor().execute(
        "DROP INDEX ix_test_customer" + (" ON orders" if engine == "mariadb" else "")
    )
    conn.commit()
    slow = seconds_per_lookup(conn, sql, customers, rounds=1)
    conn.cursor().execute("CREATE INDEX ix_test_customer ON orders (customer_id)")
    conn.commit()
    fast = seconds_per_lookup(conn, sql, customers, rounds=1)
    assert slow > 5 * fast, f"{engine}: scan {slow:.5f} s vs index {fast:.5f} s per lookup"
    conn.cursor().execute(
        "DROP INDEX ix_test_customer" + (" ON orders" if engine == "mariadb" else "")
    )
    conn.commit()


def test_plans_carry_no_costs_or_timings(orders: tuple[str, Any]) -> None:
    _, conn = orders
    text = "\n".join(plan(conn, "SELECT count(*) FROM orders WHERE total_cents > 100"))
    for volatile in ("cost=", "time=", "Planning", "Execution"):
        assert volatile not in text


def test_plans_say_how_many_rows_a_scan_read(orders: tuple[str, Any]) -> None:
    engine, conn = orders
    matches = sum(row[3] == 4847 for row in order_rows())
    says = {
        "sqlite": "SCAN orders",  # EXPLAIN QUERY PLAN has no row counts
        "postgresql": f"Rows Removed by Filter: {100_000 - matches}",
        "mariadb": "r_rows=100000",
    }
    text = "\n".join(plan(conn, "SELECT id FROM orders WHERE total_cents = 4847"))
    assert says[engine] in text, text
