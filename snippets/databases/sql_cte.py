"""Common table expressions: a named step, then a recursive walk down the category tree."""

from __future__ import annotations

from labkit import db
from snippets.databases.sql_shop import create_shop, run

ENGINES = ("sqlite", "postgresql", "mariadb")

# --8<-- [start:concat]
# Gluing strings is not portable: `||` is standard SQL, but MariaDB reads it as OR by
# default, and SQLite 3.40 has no CONCAT() (SQLite 3.44 added it).
GLUE = {
    "sqlite": "tree.path || ' > ' || c.name",
    "postgresql": "tree.path || ' > ' || c.name",
    "mariadb": "CONCAT(tree.path, ' > ', c.name)",
}
# --8<-- [end:concat]


def main() -> None:
    """Run a plain CTE, then recursive ones over the category tree, printing each result."""
    glue = GLUE[db.current().name]
    with db.scratch() as conn:
        create_shop(conn)
        # --8<-- [start:plain]
        run(conn, """
            WITH spend AS (
                SELECT customer_id, SUM(total_cents) AS spent_cents
                FROM orders
                WHERE customer_id IS NOT NULL
                GROUP BY customer_id
            )
            SELECT c.name, s.spent_cents
            FROM spend AS s
            JOIN customers AS c ON c.id = s.customer_id
            WHERE s.spent_cents > (SELECT AVG(spent_cents) FROM spend)
            ORDER BY s.spent_cents DESC""", "a CTE names a step: who spent more than average")
        # --8<-- [end:plain]
        # --8<-- [start:tree]
        run(conn, f"""
            WITH RECURSIVE tree (id, path, depth) AS (
                SELECT id, CAST(name AS VARCHAR(200)), 0                -- anchor: the roots
                FROM categories
                WHERE parent_id IS NULL
                UNION ALL
                SELECT c.id, CAST({glue} AS VARCHAR(200)), tree.depth + 1  -- step: children
                FROM categories AS c
                JOIN tree ON c.parent_id = tree.id
            )
            SELECT id, depth, path FROM tree ORDER BY path""", "every category with its path")
        # --8<-- [end:tree]
        # --8<-- [start:subtree]
        run(conn, """
            WITH RECURSIVE below (id) AS (
                SELECT id FROM categories WHERE name = 'Computers'
                UNION ALL
                SELECT c.id FROM categories AS c JOIN below ON c.parent_id = below.id
            )
            SELECT p.name AS product, k.name AS category
            FROM products AS p
            JOIN categories AS k ON k.id = p.category_id
            WHERE p.category_id IN (SELECT id FROM below)
            ORDER BY p.name""", "every product under Computers, at any depth")
        # --8<-- [end:subtree]
        # --8<-- [start:limit]
        run(conn, """
            WITH RECURSIVE n (i) AS (
                SELECT 1
                UNION ALL
                SELECT i + 1 FROM n WHERE i < 5000
            )
            SELECT COUNT(*) AS rows_made, MAX(i) AS last FROM n""", "counting to 5000 by recursion")
        # --8<-- [end:limit]


if __name__ == "__main__":
    main()
