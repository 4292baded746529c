"""Keep a review counter per product with triggers: measure the faster read, the slower write."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable

from labkit import db
from labkit.measure import measured

PRODUCTS = 2_000
REVIEWS = 200_000
NEW_REVIEWS = 20_000

SCHEMA = """
CREATE TABLE products (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    review_count INTEGER NOT NULL DEFAULT 0 CHECK (review_count >= 0)
);
CREATE TABLE reviews (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id),
    stars      INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5)
);
CREATE INDEX reviews_product ON reviews (product_id);
CREATE INDEX products_by_reviews ON products (review_count DESC, id);
"""

# --8<-- [start:triggers]
TRIGGERS = """
CREATE TRIGGER reviews_count_insert AFTER INSERT ON reviews
BEGIN
    UPDATE products SET review_count = review_count + 1 WHERE id = NEW.product_id;
END;
CREATE TRIGGER reviews_count_delete AFTER DELETE ON reviews
BEGIN
    UPDATE products SET review_count = review_count - 1 WHERE id = OLD.product_id;
END;
"""
# --8<-- [end:triggers]

# --8<-- [start:queries]
TOP_BY_COUNTING = """
SELECT p.id, p.name, COUNT(*) AS n FROM products p JOIN reviews r ON r.product_id = p.id
GROUP BY p.id ORDER BY n DESC, p.id LIMIT 5"""

TOP_BY_COUNTER = """
SELECT id, name, review_count FROM products ORDER BY review_count DESC, id LIMIT 5"""

DRIFT = """
SELECT COUNT(*) FROM products p
WHERE p.review_count <> (SELECT COUNT(*) FROM reviews r WHERE r.product_id = p.id)"""
# --8<-- [end:queries]


def best_time(action: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of `repeat` runs of `action`, in seconds (the least disturbed run)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def insert_times(conn: sqlite3.Connection, rows: list[tuple[int, int]],
                 rounds: int = 7) -> tuple[float, float]:
    """Best times to insert `rows` without and with the triggers, measured in alternation.

    Each run inserts the rows in one transaction and rolls it back, so every run starts
    from the same tables; alternating the two cases spreads any disturbance over both.
    """
    def insert_and_undo() -> float:
        start = time.perf_counter()
        conn.executemany("INSERT INTO reviews (product_id, stars) VALUES (?, ?)", rows)
        elapsed = time.perf_counter() - start
        conn.rollback()
        return elapsed

    without, with_ = [], []
    for _ in range(rounds):
        conn.executescript("DROP TRIGGER reviews_count_insert; DROP TRIGGER reviews_count_delete;")
        without.append(insert_and_undo())
        conn.executescript(TRIGGERS)
        with_.append(insert_and_undo())
    return min(without), min(with_)


def main() -> None:
    """Fill the tables, compare the two reads, then the cost of the triggers on writes."""
    rng = random.Random(7)
    with db.scratch() as conn:
        conn.executescript(SCHEMA)
        conn.executemany("INSERT INTO products (id, name) VALUES (?, ?)",
                         [(i, f"product {i}") for i in range(1, PRODUCTS + 1)])
        # a few best sellers and a long tail: product i is drawn with weight 1/i
        ids = rng.choices(range(1, PRODUCTS + 1), weights=[1 / i for i in range(1, PRODUCTS + 1)],
                          k=REVIEWS)
        reviews = [(product_id, rng.randint(1, 5)) for product_id in ids]
        new_rows = [(rng.randint(1, PRODUCTS), rng.randint(1, 5)) for _ in range(NEW_REVIEWS)]
        # --8<-- [start:fill]
        conn.executemany("INSERT INTO reviews (product_id, stars) VALUES (?, ?)", reviews)
        conn.executescript(TRIGGERS)
        conn.execute("UPDATE products SET review_count ="  # [mark:backfill]
                     " (SELECT COUNT(*) FROM reviews r WHERE r.product_id = products.id)")
        conn.commit()
        # --8<-- [end:fill]

        # --8<-- [start:compare]
        counted = conn.execute(TOP_BY_COUNTING).fetchall()
        stored = conn.execute(TOP_BY_COUNTER).fetchall()
        print(f"Top 5 by reviews ({REVIEWS:,} reviews of {PRODUCTS:,} products):")
        for row in stored:
            print(f"  {row}")
        print(f"same answer from COUNT(*) and from the counter: {counted == stored}")
        read_speedup = (best_time(lambda: conn.execute(TOP_BY_COUNTING).fetchall())
                        / best_time(lambda: conn.execute(TOP_BY_COUNTER).fetchall()))
        print(f"reading the counter is {measured(read_speedup, unit='×', digits=0, at_least=100)}"
              " faster than counting")
        plain_insert, trigger_insert = insert_times(conn, new_rows)
        slowdown = trigger_insert / plain_insert
        print(f"inserting {NEW_REVIEWS:,} reviews with the triggers takes "
              f"{measured(slowdown, unit='×', at_least=1.2)} as long as without")
        # --8<-- [end:compare]

        # --8<-- [start:drift]
        conn.execute("DELETE FROM reviews WHERE stars = 1")  # a bulk clean-up
        conn.executemany("INSERT INTO reviews (product_id, stars) VALUES (?, ?)", new_rows)
        conn.commit()
        print(f"counters that disagree with COUNT(*) after a bulk delete and a bulk insert: "
              f"{conn.execute(DRIFT).fetchone()[0]}")
        conn.execute("DROP TRIGGER reviews_count_delete")  # someone "speeds up" a cleanup
        conn.execute("DELETE FROM reviews WHERE stars = 2")
        conn.commit()
        print(f"... and after one delete without the trigger: {conn.execute(DRIFT).fetchone()[0]}")
        # --8<-- [end:drift]


if __name__ == "__main__":
    main()
