"""Hidden checks for the index_tune exercise."""

from __future__ import annotations

import random
import sqlite3
from types import ModuleType


def _orders() -> sqlite3.Connection:
    """An in-memory SQLite database with 20,000 seeded orders over 2023-2025, analyzed."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,"
        " status TEXT NOT NULL, total_cents INTEGER NOT NULL, created_at TEXT NOT NULL)"
    )
    rng = random.Random(11)
    rows = [
        (rng.randint(1, 2_000), rng.choice(["paid", "paid", "paid", "refunded", "shipped"]),
         rng.randint(100, 50_000),
         f"{rng.randint(2023, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        for _ in range(20_000)
    ]
    # A few orders on the edges of months, where off-by-one ranges go wrong.
    rows += [(7, "paid", 100, day) for day in
             ("2024-02-29", "2024-03-01", "2024-12-31", "2025-01-01", "2023-12-01")]
    conn.executemany(
        "INSERT INTO orders (customer_id, status, total_cents, created_at) VALUES (?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    return conn


def _details(conn: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> list[str]:
    return [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def _index_count(conn: sqlite3.Connection) -> int:
    (count,) = conn.execute(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchone()
    return count


def check_plan(module: ModuleType) -> None:
    """plan() returns the detail strings of EXPLAIN QUERY PLAN."""
    conn = _orders()
    got = module.plan(conn, "SELECT id FROM orders WHERE status = ?", ("paid",))
    assert isinstance(got, list), f"plan() returned {type(got).__name__}, expected a list"
    assert got == ["SCAN orders"], (
        f"plan() returned {got!r}; without any index the plan is ['SCAN orders'] "
        "(the 4th column of each EXPLAIN QUERY PLAN row)"
    )
    conn.execute("CREATE INDEX ix_test_status ON orders (status)")
    got = module.plan(conn, "SELECT id FROM orders WHERE status = ? ORDER BY total_cents",
                      ("paid",))
    expected = _details(conn, "SELECT id FROM orders WHERE status = ? ORDER BY total_cents",
                        ("paid",))
    assert got == expected, f"plan() returned {got!r}, expected every row: {expected!r}"


def check_add_index_creates_one_index(module: ModuleType) -> None:
    """add_index() creates exactly one index."""
    conn = _orders()
    before = _index_count(conn)
    module.add_index(conn)
    created = _index_count(conn) - before
    assert created == 1, f"add_index() created {created} indexes; create exactly one"


def check_recent_orders_are_searched_in_order(module: ModuleType) -> None:
    """With that index, RECENT_BY_STATUS searches on both columns, with no scan and no sort."""
    conn = _orders()
    module.add_index(conn)
    conn.execute("ANALYZE")
    details = _details(conn, module.RECENT_BY_STATUS, (7, "paid"))
    assert not any(d.startswith("SCAN") for d in details), (
        f"the plan still scans: {details}; put the columns the WHERE clause tests "
        "with = at the front of the index"
    )
    searches = [d for d in details if d.startswith("SEARCH orders USING")]
    assert searches, f"the plan does not search an index: {details}"
    assert "customer_id=?" in searches[0] and "status=?" in searches[0], (
        f"the search {searches[0]!r} does not use both equality columns; "
        "put customer_id and status first in the index"
    )
    assert "ANY(" not in searches[0], (
        f"the search {searches[0]!r} is a skip-scan: the index starts with a column the "
        "WHERE clause does not test with =, so SQLite tries every value of it in turn"
    )
    assert not any("TEMP B-TREE" in d for d in details), (
        f"the plan sorts the rows itself: {details}; add the ORDER BY column to the "
        "index, after the equality columns"
    )


def check_month_query_uses_the_index(module: ModuleType) -> None:
    """orders_in_month() can use an index on created_at (no function on the column)."""
    conn = _orders()
    conn.execute("CREATE INDEX ix_orders_created ON orders (created_at)")
    conn.execute("ANALYZE")
    sql, params = module.orders_in_month(2024, 2)
    details = _details(conn, sql, params)
    assert any("ix_orders_created" in d and "created_at" in d for d in details), (
        f"the plan {details} does not search ix_orders_created; compare the bare column "
        "with a range (created_at >= ? AND created_at < ?) instead of wrapping it in a function"
    )


def check_month_query_returns_the_right_rows(module: ModuleType) -> None:
    """orders_in_month() returns exactly one month's orders, December and February too."""
    conn = _orders()
    for year, month in ((2024, 2), (2024, 3), (2024, 12), (2023, 12), (2025, 1)):
        sql, params = module.orders_in_month(year, month)
        got = [row[0] for row in conn.execute(sql, params)]
        prefix = f"{year:04d}-{month:02d}-"
        expected = [row[0] for row in conn.execute(
            "SELECT id FROM orders WHERE substr(created_at, 1, 8) = ? ORDER BY id", (prefix,))]
        assert got == expected, (
            f"orders_in_month({year}, {month}) returned {len(got)} ids, expected "
            f"{len(expected)}; check the first and last day of the month (and the year "
            "after December)"
        )
