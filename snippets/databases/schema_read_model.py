"""Build a read-model as a PostgreSQL materialized view and watch it lag until it is refreshed."""

from __future__ import annotations

from typing import Any

from labkit import db

ENGINES = ("postgresql",)

SETUP = [
    "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
    """CREATE TABLE reviews (
        id         INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products (id),
        stars      INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5)
    )""",
    "INSERT INTO products VALUES (1, 'Dune'), (2, 'Emma'), (3, 'Mug')",
    "INSERT INTO reviews (product_id, stars) VALUES (1, 5), (1, 4), (2, 3), (2, 2)",
]

# --8<-- [start:view]
READ_MODEL = """
CREATE MATERIALIZED VIEW product_stats AS
SELECT p.id, p.name, COUNT(r.id) AS reviews, ROUND(AVG(r.stars), 2) AS avg_stars
FROM products p LEFT JOIN reviews r ON r.product_id = p.id
GROUP BY p.id, p.name"""
# a unique index lets REFRESH ... CONCURRENTLY swap rows without blocking readers
UNIQUE_INDEX = "CREATE UNIQUE INDEX product_stats_id ON product_stats (id)"
# --8<-- [end:view]


def stats(conn: Any) -> list[tuple[Any, ...]]:
    """The read-model's rows as (name, reviews, average), the average as a plain string."""
    rows = conn.execute("SELECT name, reviews, avg_stars FROM product_stats ORDER BY id")
    return [(name, n, None if avg is None else str(avg)) for name, n, avg in rows]


def main() -> None:
    """Create the view, add reviews, and read it before and after a refresh."""
    with db.scratch(db.ENGINES["postgresql"]) as conn:  # PostgreSQL only, whatever LAB_ENGINE says
        for statement in SETUP:
            conn.execute(statement)
        # --8<-- [start:lag]
        conn.execute(READ_MODEL)
        conn.execute(UNIQUE_INDEX)
        conn.commit()
        print("read-model:     ", stats(conn))
        conn.execute("INSERT INTO reviews (product_id, stars) VALUES (2, 5), (3, 4)")
        conn.commit()
        print("2 new reviews:  ", stats(conn))
        conn.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY product_stats")  # [mark:refresh]
        conn.commit()
        print("after REFRESH:  ", stats(conn))
        # --8<-- [end:lag]


if __name__ == "__main__":
    main()
