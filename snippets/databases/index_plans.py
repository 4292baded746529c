"""Read a query plan on SQLite, PostgreSQL and MariaDB, before and after adding an index."""

from __future__ import annotations

import time
from typing import Any

from labkit import db
from labkit.measure import measured
from snippets.databases.index_data import analyze, load

ENGINES = ("sqlite", "postgresql", "mariadb")


# --8<-- [start:plan]
def plan(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> list[str]:
    """Return the plan of `sql` as lines of text, without costs or timings."""
    engine = db.current()
    cursor = conn.cursor()
    args = (params,) if params else ()  # without parameters, % stays a plain %
    if engine.name == "sqlite":
        # --8<-- [start:plan-sqlite]
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", *args)
        depth: dict[int, int] = {0: -1}
        lines = []
        for node, parent, _unused, detail in cursor.fetchall():
            depth[node] = depth.get(parent, -1) + 1
            lines.append("  " * depth[node] + detail)
        return lines
        # --8<-- [end:plan-sqlite]
    if engine.name == "postgresql":
        # --8<-- [start:plan-postgresql]
        # ANALYZE runs the query and adds the real row counts; the three OFFs drop
        # the estimated costs and the timings, which change from run to run.
        cursor.execute(
            f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) {sql}", *args
        )
        return [line for (line,) in cursor.fetchall()]
        # --8<-- [end:plan-postgresql]
    # --8<-- [start:plan-mariadb]
    # MariaDB's ANALYZE statement is EXPLAIN plus a real run: r_rows is the number
    # of rows actually read per lookup. We leave out `rows`, an estimate.
    cursor.execute(f"ANALYZE {sql}", *args)
    names = [column[0] for column in cursor.description]
    lines = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        lines.append(
            f"table={row['table']} type={row['type']} key={row['key'] or 'NULL'}"
            f" r_rows={float(row['r_rows']):g} Extra={row['Extra'] or '-'}"
        )
    return lines
    # --8<-- [end:plan-mariadb]
# --8<-- [end:plan]


def show(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> None:
    """Print a query and its plan, indented under it."""
    print(sql)
    for line in plan(conn, sql, params):
        print("   ", line)


# --8<-- [start:timing]
def seconds_per_lookup(
    conn: Any, sql: str, customers: range, rounds: int = 3
) -> float:
    """Run `sql` once per customer, `rounds` times; best time per query."""
    cursor = conn.cursor()
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for customer in customers:
            cursor.execute(sql, (customer,))
            cursor.fetchall()
        best = min(best, time.perf_counter() - start)
    return best / len(customers)
# --8<-- [end:timing]


def main() -> None:
    """Plan and time one lookup by customer, without and then with an index."""
    engine = db.current()
    customers = range(1, 31)
    with db.scratch() as conn:
        load(conn)
        analyze(conn)
        # --8<-- [start:before-after]
        p = engine.placeholder
        sql = f"SELECT id, total_cents FROM orders WHERE customer_id = {p}"
        print("-- without an index")
        show(conn, sql, (42,))
        before = seconds_per_lookup(conn, sql, customers)

        create = "CREATE INDEX ix_orders_customer ON orders (customer_id)"
        conn.cursor().execute(create)  # [mark:create]
        analyze(conn)

        print("-- with ix_orders_customer")
        show(conn, sql, (42,))
        after = seconds_per_lookup(conn, sql, customers)
        # --8<-- [end:before-after]
        # --8<-- [start:report]
        before_ms = measured(before * 1000, unit=" ms", digits=2, at_least=0.5)
        after_ms = measured(after * 1000, unit=" ms", digits=3, at_most=2)
        print(f"one lookup without the index: {before_ms}")
        print(f"one lookup with the index:    {after_ms}")
        speedup = measured(  # [mark:speedup]
            before / after, unit="×", digits=0, at_least=10
        )
        print(f"speed-up: {speedup}")
        # --8<-- [end:report]


if __name__ == "__main__":
    main()
