"""Show, by their plans, which queries a composite (customer_id, created_at) index serves."""

from __future__ import annotations

from labkit import db
from snippets.databases.index_data import analyze, load
from snippets.databases.index_plans import show

ENGINES = ("sqlite", "postgresql", "mariadb")


def main() -> None:
    """Create one two-column index and plan five queries against it."""
    with db.scratch() as conn:
        load(conn)
        # --8<-- [start:queries]
        conn.cursor().execute("CREATE INDEX ix_orders_customer_created"
                              " ON orders (customer_id, created_at)")
        analyze(conn)
        for sql in (
            # 1. the leading column alone: served
            "SELECT id, total_cents FROM orders WHERE customer_id = 42",
            # 2. both columns, equality first and range second: served
            "SELECT id, total_cents FROM orders"
            " WHERE customer_id = 42 AND created_at >= '2024-07-01'",
            # 3. the leading column, sorted by the second: served, no sort step
            "SELECT created_at, total_cents FROM orders WHERE customer_id = 42"
            " ORDER BY created_at DESC LIMIT 3",
            # 4. the same, sorted by a column the index lacks: a sort step appears
            "SELECT created_at, total_cents FROM orders WHERE customer_id = 42"
            " ORDER BY total_cents DESC LIMIT 3",
            # 5. the second column alone: NOT served, the whole table is read
            "SELECT id, total_cents FROM orders WHERE created_at = '2024-07-01'",
        ):
            show(conn, sql)
        # --8<-- [end:queries]


if __name__ == "__main__":
    main()
