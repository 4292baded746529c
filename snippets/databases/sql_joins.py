"""Inner, left and full outer joins on the shop data, and what an unmatched row turns into."""

from __future__ import annotations

from labkit import db
from snippets.databases.sql_shop import create_shop, run

ENGINES = ("sqlite", "postgresql", "mariadb")


def main() -> None:
    """Run each kind of join and print what comes back."""
    with db.scratch() as conn:
        create_shop(conn)
        # --8<-- [start:inner]
        run(conn, """
            SELECT c.name, o.id AS order_id, o.total_cents
            FROM customers AS c
            JOIN orders AS o ON o.customer_id = c.id
            ORDER BY o.id""", "INNER JOIN: only pairs that match")
        # --8<-- [end:inner]
        # --8<-- [start:left]
        run(conn, """
            SELECT c.name, o.id AS order_id, o.total_cents
            FROM customers AS c
            LEFT JOIN orders AS o ON o.customer_id = c.id
            ORDER BY c.id, o.id""", "LEFT JOIN: every customer, NULLs where no order")
        # --8<-- [end:left]
        # --8<-- [start:anti]
        run(conn, """
            SELECT c.name
            FROM customers AS c
            LEFT JOIN orders AS o ON o.customer_id = c.id
            WHERE o.id IS NULL""", "anti-join: customers with no order")
        # --8<-- [end:anti]
        # --8<-- [start:on-vs-where]
        run(conn, """
            SELECT c.name, o.id AS order_id
            FROM customers AS c
            LEFT JOIN orders AS o ON o.customer_id = c.id
            WHERE o.ordered_on >= '2024-03-03'
            ORDER BY c.id""", "filter in WHERE: the LEFT JOIN quietly became an inner join")
        run(conn, """
            SELECT c.name, o.id AS order_id
            FROM customers AS c
            LEFT JOIN orders AS o
              ON o.customer_id = c.id AND o.ordered_on >= '2024-03-03'
            ORDER BY c.id""", "filter in ON: every customer kept")
        # --8<-- [end:on-vs-where]
        # --8<-- [start:full]
        run(conn, """
            SELECT c.name, o.id AS order_id
            FROM customers AS c
            FULL OUTER JOIN orders AS o ON o.customer_id = c.id
            ORDER BY o.id""", "FULL OUTER JOIN: unmatched rows from both sides")
        # --8<-- [end:full]
        # --8<-- [start:full-emulated]
        run(conn, """
            SELECT c.name, o.id AS order_id
            FROM customers AS c
            LEFT JOIN orders AS o ON o.customer_id = c.id
            UNION ALL
            SELECT NULL, o.id
            FROM orders AS o
            WHERE NOT EXISTS (SELECT 1 FROM customers AS c WHERE c.id = o.customer_id)
            ORDER BY order_id""", "the same with LEFT JOIN + UNION ALL (runs everywhere)")
        # --8<-- [end:full-emulated]


if __name__ == "__main__":
    main()
