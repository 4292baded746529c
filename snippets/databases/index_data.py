"""Build the 100,000-row orders table that every example on the Indexing page queries."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")

ROWS = 100_000
CUSTOMERS = 20_000

# --8<-- [start:schema]
SCHEMA = """
CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER     NOT NULL,
    status      VARCHAR(10) NOT NULL,
    total_cents INTEGER     NOT NULL,
    created_at  DATE        NOT NULL,
    email       VARCHAR(40) NOT NULL,
    phone       VARCHAR(20) NOT NULL
)"""
COLUMNS = "id, customer_id, status, total_cents, created_at, email, phone"
# --8<-- [end:schema]


# --8<-- [start:rows]
def order_rows(count: int = ROWS, seed: int = 7) -> Iterator[tuple[Any, ...]]:
    """Yield `count` made-up orders from a seeded generator: same every run."""
    rng = random.Random(seed)
    for order_id in range(1, count + 1):
        customer = rng.randint(1, CUSTOMERS)
        status = "refunded" if rng.random() < 0.02 else "paid"  # 2% refunded
        created = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        phone = f"555{rng.randint(0, 9_999_999):07d}"
        yield (order_id, customer, status, rng.randint(100, 50_000), created,
               f"user{customer}@example.com", phone)
# --8<-- [end:rows]


# --8<-- [start:load]
def load(conn: Any, count: int = ROWS) -> None:
    """Create `orders` and fill it in one bulk operation, then commit."""
    engine = db.current()
    cursor = conn.cursor()
    cursor.execute(SCHEMA)
    if engine.name == "postgresql":
        # COPY streams rows in one command: the fastest way into PostgreSQL.
        with cursor.copy(f"COPY orders ({COLUMNS}) FROM STDIN") as copy:
            for row in order_rows(count):
                copy.write_row(row)
    else:
        # executemany: sqlite3 reuses one prepared statement; PyMySQL batches
        # the rows into multi-row INSERTs.
        marks = ", ".join([engine.placeholder] * 7)
        cursor.executemany(f"INSERT INTO orders ({COLUMNS}) VALUES ({marks})",
                           list(order_rows(count)))
    conn.commit()
# --8<-- [end:load]


# --8<-- [start:analyze]
def analyze(conn: Any, table: str = "orders") -> None:
    """Refresh the planner's statistics for `table`, so plans are realistic."""
    engine = db.current()
    cursor = conn.cursor()
    if engine.name == "sqlite":
        cursor.execute(f"ANALYZE {table}")
    elif engine.name == "postgresql":
        # A target of 1000 samples up to 300,000 rows: the whole table here,
        # so the statistics (and so the plans) are the same on every run.
        conn.commit()
        conn.autocommit = True  # VACUUM refuses to run inside a transaction
        cursor.execute("SET default_statistics_target = 1000")
        # One process per query (no parallel workers), so plans don't depend on
        # how many workers happen to be free.
        cursor.execute("SET max_parallel_workers_per_gather = 0")
        # VACUUM also fills the visibility map (see covering indexes).
        cursor.execute(f"VACUUM ANALYZE {table}")
        conn.autocommit = False
    else:
        cursor.execute(f"ANALYZE TABLE {table} PERSISTENT FOR ALL")
        cursor.fetchall()
    conn.commit()
# --8<-- [end:analyze]


def main() -> None:
    """Load the table and describe what is in it."""
    with db.scratch() as conn:
        load(conn)
        analyze(conn)
        cursor = conn.cursor()
        cursor.execute("SELECT count(*), count(DISTINCT customer_id) FROM orders")
        rows, customers = cursor.fetchone()
        print(f"{rows:,} orders from {customers:,} customers")
        cursor.execute(
            "SELECT status, count(*) FROM orders GROUP BY status ORDER BY status"
        )
        for status, count in cursor.fetchall():
            print(f"  {status:<8} {count:>7,}")
        cursor.execute("SELECT * FROM orders WHERE id = 1")
        print("first row:", tuple(str(value) for value in cursor.fetchone()))


if __name__ == "__main__":
    main()
