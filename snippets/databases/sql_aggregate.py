"""GROUP BY and HAVING on the shop data: counting right, filtering groups, and a bare column."""

from __future__ import annotations

from labkit import db
from snippets.databases.sql_shop import create_shop, run

ENGINES = ("sqlite", "postgresql", "mariadb")


def main() -> None:
    """Group orders by customer several ways and print each result."""
    with db.scratch() as conn:
        create_shop(conn)
        # --8<-- [start:group]
        run(conn, """
            SELECT c.name,
                   COUNT(*)                      AS count_star,
                   COUNT(o.id)                   AS orders,
                   COALESCE(SUM(o.total_cents), 0) AS spent_cents
            FROM customers AS c
            LEFT JOIN orders AS o ON o.customer_id = c.id
            GROUP BY c.id, c.name
            ORDER BY spent_cents DESC""", "one row per customer")
        # --8<-- [end:group]
        # --8<-- [start:having]
        run(conn, """
            SELECT c.name, COUNT(*) AS orders, SUM(o.total_cents) AS spent_cents
            FROM customers AS c
            JOIN orders AS o ON o.customer_id = c.id
            WHERE o.ordered_on >= '2024-03-02'
            GROUP BY c.id, c.name
            HAVING SUM(o.total_cents) > 1000
            ORDER BY c.name""", "WHERE picks rows, HAVING picks groups")
        # --8<-- [end:having]
        # --8<-- [start:bare]
        run(conn, """
            SELECT customer_id, ordered_on, COUNT(*) AS orders
            FROM orders
            GROUP BY customer_id
            ORDER BY COUNT(*) DESC, MIN(id)""", "a column that is neither grouped nor aggregated")
        # --8<-- [end:bare]


if __name__ == "__main__":
    main()
