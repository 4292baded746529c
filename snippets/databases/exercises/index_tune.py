"""Make two slow queries use an index.

The checks build an SQLite table `orders(id, customer_id, status, total_cents,
created_at)` with 20,000 rows (`created_at` is text such as '2024-02-29'), then call
your three functions:

1. `plan(conn, sql, params)` returns the plan of a query as a list of strings: the
   `detail` column of each row of `EXPLAIN QUERY PLAN`, in order.
2. `add_index(conn)` creates ONE index so that `RECENT_BY_STATUS` (the latest orders
   of one customer with one status) is a SEARCH on both customer_id and status,
   with no SCAN and no "USE TEMP B-TREE FOR ORDER BY" step. Think about the order
   of the columns.
3. `orders_in_month(year, month)` returns `(sql, params)`: a query for the ids of the
   orders created in that month, ordered by id. The checks add an index on
   `created_at`; your query must be able to use it (keep functions off the column),
   and must return the right rows for every month, December included.
"""

from __future__ import annotations

import sqlite3
from typing import Any

RECENT_BY_STATUS = (
    "SELECT id, total_cents FROM orders"
    " WHERE customer_id = ? AND status = ? ORDER BY created_at DESC LIMIT 10"
)


def plan(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[str]:
    """Return the `detail` strings of EXPLAIN QUERY PLAN for `sql`."""
    raise NotImplementedError("write plan")


def add_index(conn: sqlite3.Connection) -> None:
    """Create the one index that RECENT_BY_STATUS needs."""
    raise NotImplementedError("write add_index")


def orders_in_month(year: int, month: int) -> tuple[str, tuple[Any, ...]]:
    """Return (sql, params) selecting the ids of one month's orders, ordered by id."""
    raise NotImplementedError("write orders_in_month")
