"""Reference solution: make two slow queries use an index."""

from __future__ import annotations

import sqlite3
from typing import Any

RECENT_BY_STATUS = (
    "SELECT id, total_cents FROM orders"
    " WHERE customer_id = ? AND status = ? ORDER BY created_at DESC LIMIT 10"
)


def plan(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[str]:
    """Return the `detail` strings of EXPLAIN QUERY PLAN for `sql`."""
    rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    return [detail for _id, _parent, _unused, detail in rows]


def add_index(conn: sqlite3.Connection) -> None:
    """Create the one index that RECENT_BY_STATUS needs."""
    # Both equality columns first (in either order), then the column it sorts by.
    conn.execute(
        "CREATE INDEX ix_orders_customer_status_created"
        " ON orders (customer_id, status, created_at)"
    )


def orders_in_month(year: int, month: int) -> tuple[str, tuple[Any, ...]]:
    """Return (sql, params) selecting the ids of one month's orders, ordered by id."""
    # A half-open range on the bare column: from the 1st, up to (not including)
    # the 1st of the next month. ISO dates compare correctly as text.
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    start = f"{year:04d}-{month:02d}-01"
    end = f"{next_year:04d}-{next_month:02d}-01"
    sql = "SELECT id FROM orders WHERE created_at >= ? AND created_at < ? ORDER BY id"
    return sql, (start, end)
