"""Answer a query from the index alone: a covering index, and what each engine calls it."""

from __future__ import annotations

from labkit import db
from snippets.databases.index_data import analyze, load
from snippets.databases.index_plans import show

ENGINES = ("sqlite", "postgresql", "mariadb")


def main() -> None:
    """Plan the same query with an ordinary index, then with a covering one."""
    engine = db.current()
    sql = "SELECT created_at, total_cents FROM orders WHERE customer_id = 42"
    with db.scratch() as conn:
        load(conn)
        cursor = conn.cursor()
        # --8<-- [start:covering]
        cursor.execute("CREATE INDEX ix_orders_customer_created"
                       " ON orders (customer_id, created_at)")
        analyze(conn)
        print("-- total_cents is not in the index:"
              " each match is read from the table")
        show(conn, sql)

        cursor.execute("DROP INDEX ix_orders_customer_created"
                       + (" ON orders" if engine.name == "mariadb" else ""))
        if engine.name == "postgresql":
            # PostgreSQL 11+ can carry extra columns in the leaf entries only.
            cursor.execute("CREATE INDEX ix_orders_covering"
                           " ON orders (customer_id, created_at)"
                           " INCLUDE (total_cents)")
        else:
            cursor.execute("CREATE INDEX ix_orders_covering"
                           " ON orders (customer_id, created_at, total_cents)")
        analyze(conn)
        print("-- every column the query needs is in the index:"
              " the table is not read")
        show(conn, sql)
        # --8<-- [end:covering]


if __name__ == "__main__":
    main()
