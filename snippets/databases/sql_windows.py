"""Window functions on the shop's orders: ranking with ties, running totals, top row per group."""

from __future__ import annotations

from labkit import db
from snippets.databases.sql_shop import create_shop, run

ENGINES = ("sqlite", "postgresql", "mariadb")


def main() -> None:
    """Rank, total and pick orders with window functions, printing each result."""
    with db.scratch() as conn:
        create_shop(conn)
        # --8<-- [start:rank]
        run(conn, """
            SELECT customer_id, id AS order_id, total_cents,
                   ROW_NUMBER() OVER (ORDER BY total_cents DESC, id) AS row_no,
                   RANK()       OVER (ORDER BY total_cents DESC)     AS rank_no,
                   DENSE_RANK() OVER (ORDER BY total_cents DESC)     AS dense_no
            FROM orders
            WHERE customer_id = 1
            ORDER BY row_no""", "three ways to number Ada's orders, biggest first")
        # --8<-- [end:rank]
        # --8<-- [start:running]
        run(conn, """
            SELECT id AS order_id, ordered_on, total_cents,
                   SUM(total_cents) OVER (ORDER BY ordered_on) AS default_frame,
                   SUM(total_cents) OVER (ORDER BY ordered_on, id
                                          ROWS BETWEEN UNBOUNDED PRECEDING
                                                   AND CURRENT ROW) AS running_total
            FROM orders
            ORDER BY ordered_on, id""", "running totals: the default frame lumps ties together")
        # --8<-- [end:running]
        # --8<-- [start:partition]
        run(conn, """
            SELECT c.name, o.id AS order_id, o.total_cents,
                   COUNT(*)           OVER (PARTITION BY o.customer_id) AS customer_orders,
                   SUM(o.total_cents) OVER (PARTITION BY o.customer_id) AS customer_total
            FROM orders AS o
            JOIN customers AS c ON c.id = o.customer_id
            ORDER BY c.name, o.id""", "PARTITION BY: a total per customer, on every row")
        # --8<-- [end:partition]
        # --8<-- [start:top-per-group]
        run(conn, """
            WITH ranked AS (
                SELECT customer_id, id AS order_id, ordered_on,
                       ROW_NUMBER() OVER (PARTITION BY customer_id
                                          ORDER BY ordered_on DESC, id DESC) AS n
                FROM orders
                WHERE customer_id IS NOT NULL
            )
            SELECT customer_id, order_id, ordered_on
            FROM ranked
            WHERE n = 1
            ORDER BY customer_id""", "each customer's latest order")
        # --8<-- [end:top-per-group]


if __name__ == "__main__":
    main()
