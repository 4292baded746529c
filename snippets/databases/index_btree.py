"""Look inside SQLite's B-trees: the table grows 1,000-fold, a lookup reads one more page."""

from __future__ import annotations

import sqlite3

from labkit import db

SIZES = (1_000, 10_000, 100_000, 1_000_000)


# --8<-- [start:fill]
def fill(conn: sqlite3.Connection, rows: int) -> None:
    """Recreate table `t` with `rows` scrambled integer keys, and index them."""
    conn.execute("DROP TABLE IF EXISTS t")
    conn.execute(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL, label TEXT)"
    )
    # A recursive CTE counts 1..rows inside SQLite; multiplying by a large
    # odd number modulo 2**32 scrambles the keys into no particular order.
    conn.execute(
        """WITH RECURSIVE n(i) AS
             (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
           INSERT INTO t (k, label)
           SELECT (i * 2654435761) % 4294967296, 'row ' || i FROM n""",
        (rows,),
    )
    conn.execute("CREATE INDEX ix_t_k ON t (k)")
    conn.commit()
# --8<-- [end:fill]


# --8<-- [start:shape]
def shape(conn: sqlite3.Connection, name: str) -> dict[str, float]:
    """Pages, levels and keys per leaf of the B-tree `name`, read from dbstat."""
    # dbstat has one row per page. `path` says where the page sits: "/" is
    # the root, "/003/" its fourth child, "/003/01a/" a grandchild, so the
    # number of "/" is the page's level.
    pages, levels, leaf_cells = conn.execute(
        """SELECT count(*),
                  max(length(path) - length(replace(path, '/', ''))),
                  avg(CASE WHEN pagetype = 'leaf' THEN ncell END)
           FROM dbstat WHERE name = ?""",
        (name,),
    ).fetchone()
    return {"pages": pages, "levels": levels, "leaf_cells": leaf_cells}
# --8<-- [end:shape]


def main() -> None:
    """Grow the table from a thousand to a million rows; print the index shape."""
    with db.scratch(db.ENGINES["sqlite"]) as conn:
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        print(f"page size: {page_size} bytes")
        # --8<-- [start:report]
        print(f"{'rows':>9}  {'index pages':>11}  {'levels':>6}  "
              f"{'keys per leaf':>13}")
        for rows in SIZES:
            fill(conn, rows)
            index = shape(conn, "ix_t_k")
            print(f"{rows:>9,}  {index['pages']:>11,}  {index['levels']:>6}  "
                  f"{index['leaf_cells']:>13.0f}")
        table = shape(conn, "t")
        print(f"the 1,000,000-row table itself: {table['pages']:,} pages, "
              f"{table['levels']} levels")
        # --8<-- [end:report]
        # --8<-- [start:lookup]
        sql = "SELECT * FROM t WHERE k = ?"
        plan = conn.execute(f"EXPLAIN QUERY PLAN {sql}", (42,))
        print(f"{sql}  ->", plan.fetchone()[3])
        total = index["pages"] + table["pages"]
        levels = index["levels"] + table["levels"]
        print(f"pages read: {index['levels']} in the index"
              f" + {table['levels']} in the table = {levels} of {total:,}")
        # --8<-- [end:lookup]


if __name__ == "__main__":
    main()
