"""Mirrors snippets/databases/index_not_used.py: each trap, and each fix, on each engine."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from labkit import db
from snippets.databases.index_data import analyze, load
from snippets.databases.index_not_used import fixes
from snippets.databases.index_plans import plan

pytestmark = pytest.mark.xdist_group("index_not_used")

SCAN = {"sqlite": "SCAN orders", "postgresql": "Seq Scan on orders", "mariadb": "type=ALL"}
SELECT = "SELECT id, total_cents FROM orders WHERE "

# (where, params) -> engines on which the plan reads the whole table
CASES = {
    "function": ("lower(email) = 'user42@example.com'", (), {"sqlite", "postgresql", "mariadb"}),
    "leading wildcard": ("email LIKE '%42@example.com'", (), {"sqlite", "postgresql", "mariadb"}),
    "prefix": ("email LIKE 'user42@%'", (), {"sqlite", "postgresql"}),
    "98 percent": ("status = 'paid'", (), {"postgresql", "mariadb"}),
    "2 percent": ("status = 'refunded'", (), set()),
    "number for varchar": ("phone = {p}", (5550810111,), {"mariadb"}),
    "float for integer": ("customer_id = {p}", (42.0,), {"postgresql"}),
}


@pytest.fixture(scope="module")
def orders(module_engine: str) -> Iterator[tuple[str, Any]]:
    """The orders with four single-column indexes, on one engine."""
    engine = module_engine
    with db.scratch() as conn:
        load(conn)
        for column in ("customer_id", "status", "email", "phone"):
            conn.cursor().execute(f"CREATE INDEX ix_orders_{column} ON orders ({column})")
        analyze(conn)
        yield engine, conn


@pytest.mark.parametrize("case", list(CASES))
def test_which_queries_read_the_whole_table(orders: tuple[str, Any], case: str) -> None:
    engine, conn = orders
    where, params, scans_on = CASES[case]
    sql = SELECT + where.format(p=db.current().placeholder)
    if engine == "postgresql" and case == "number for varchar":
        with pytest.raises(Exception, match="operator does not exist"):
            plan(conn, sql, params)
        conn.rollback()
        return
    text = "\n".join(plan(conn, sql, params))
    assert (SCAN[engine] in text) == (engine in scans_on), f"{case} on {engine}:\n{text}"


def test_sqlite_statistics_only_know_the_average(orders: tuple[str, Any]) -> None:
    engine, conn = orders
    if engine == "sqlite":
        stat = conn.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_orders_status'")
        assert stat.fetchone()[0] == "100000 50000"


def test_after_the_fixes_nothing_scans(
    orders: tuple[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    engine, conn = orders
    fixes(conn)
    printed = capsys.readouterr().out
    assert SCAN[engine] not in printed and "ERROR" not in printed, printed
