"""Measure what indexes cost on writes: the same inserts into a table with 0 and 4 indexes."""

from __future__ import annotations

import time
from typing import Any

from labkit import db
from labkit.measure import measured
from snippets.databases.index_data import COLUMNS, SCHEMA, load

ENGINES = ("sqlite", "postgresql", "mariadb")

# --8<-- [start:indexes]
INDEXES = (
    "CREATE INDEX ix_{table}_customer ON {table} (customer_id)",
    "CREATE INDEX ix_{table}_created ON {table} (created_at)",
    "CREATE INDEX ix_{table}_email ON {table} (email)",
    "CREATE INDEX ix_{table}_phone ON {table} (phone)",
)
# --8<-- [end:indexes]


# --8<-- [start:insert]
def insert_seconds(conn: Any, table: str, indexes: int) -> float:
    """Create `table` with `indexes` secondary indexes; time copying orders in."""
    cursor = conn.cursor()
    cursor.execute(f"DROP TABLE IF EXISTS {table}")
    cursor.execute(SCHEMA.replace("orders", table))
    for statement in INDEXES[:indexes]:
        cursor.execute(statement.format(table=table))
    conn.commit()
    start = time.perf_counter()
    # INSERT ... SELECT runs inside the server: no network, no Python per row,
    # so the time is the engine's own work of writing rows and index entries.
    cursor.execute(
        f"INSERT INTO {table} ({COLUMNS}) SELECT {COLUMNS} FROM orders"
    )
    conn.commit()
    return time.perf_counter() - start
# --8<-- [end:insert]


def main() -> None:
    """Copy the 100,000 orders three times into each table; compare best times."""
    with db.scratch() as conn:
        load(conn)
        # --8<-- [start:compare]
        bare, indexed = [], []
        for _ in range(3):  # best of three rounds, alternating, to damp the noise
            bare.append(insert_seconds(conn, "orders_bare", 0))
            indexed.append(insert_seconds(conn, "orders_indexed", len(INDEXES)))
        ratio = min(indexed) / min(bare)
        bare_ms = measured(min(bare) * 1000, unit=" ms", digits=0,
                           at_most=10_000)
        indexed_ms = measured(min(indexed) * 1000, unit=" ms", digits=0,
                              at_most=10_000)
        print("inserting 100,000 rows")
        print(f"  {'primary key only:':<27} {bare_ms}")
        print(f"  {f'and {len(INDEXES)} secondary indexes:':<27} {indexed_ms}")
        slower = measured(ratio, unit="×", at_least=2)
        print(f"  the indexed table is {slower} slower to fill")
        # --8<-- [end:compare]


if __name__ == "__main__":
    main()
