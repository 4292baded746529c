"""Catch the index going unused: functions, wildcards, low selectivity and type mismatches."""

from __future__ import annotations

from typing import Any

from labkit import db
from snippets.databases.index_data import analyze, load
from snippets.databases.index_plans import plan

ENGINES = ("sqlite", "postgresql", "mariadb")

SELECT = "SELECT id, total_cents FROM orders WHERE "


def show_or_error(
    conn: Any, title: str, where: str, params: tuple[Any, ...] = ()
) -> None:
    """Print a title, the query and its plan, or the error the engine raises."""
    sql = SELECT + where
    print(f"-- {title}")
    print(f"{sql}  {params}" if params else sql)
    try:
        lines = plan(conn, sql, params)
    except Exception as error:  # each driver raises its own DB-API Error class
        conn.rollback()
        lines = ["ERROR: " + str(error).splitlines()[0]]
    for line in lines:
        print("   ", line)


def fixes(conn: Any) -> None:
    """Give each fixable case what it needs, and plan it again."""
    engine = db.current()
    p = engine.placeholder
    cursor = conn.cursor()
    # --8<-- [start:fix-function]
    if engine.name == "mariadb":
        # MariaDB 10.11 can't index an expression, but needs none here: this
        # database's collation, utf8mb4_general_ci, already ignores case.
        where = "email = 'User42@Example.com'"
    else:
        cursor.execute(
            "CREATE INDEX ix_orders_email_lower ON orders (lower(email))"
        )
        where = "lower(email) = 'user42@example.com'"
    # --8<-- [end:fix-function]
    # --8<-- [start:fix-prefix]
    if engine.name == "postgresql":
        # Outside the C collation a plain index can't serve LIKE; this
        # operator class compares character by character, as LIKE needs.
        cursor.execute("CREATE INDEX ix_orders_email_pattern"
                       " ON orders (email varchar_pattern_ops)")
    elif engine.name == "sqlite":
        # SQLite's LIKE ignores the case of ASCII letters, so it needs an
        # index that ignores case too.
        cursor.execute("CREATE INDEX ix_orders_email_nocase"
                       " ON orders (email COLLATE NOCASE)")
    # --8<-- [end:fix-prefix]
    analyze(conn)
    show_or_error(conn, "fixed: the function matches an index (or is not needed)",
                  where)
    show_or_error(conn, "fixed: the prefix pattern has an index it can use",
                  "email LIKE 'user42@%'")
    # --8<-- [start:fix-types]
    show_or_error(conn, "fixed: the phone number is passed as a string",
                  f"phone = {p}", ("5550810111",))
    show_or_error(conn, "fixed: the customer id is passed as an int",
                  f"customer_id = {p}", (42,))
    # --8<-- [end:fix-types]


def main() -> None:
    """Index four columns, then plan queries that look indexed but are not."""
    p = db.current().placeholder
    with db.scratch() as conn:
        load(conn)
        cursor = conn.cursor()
        for column in ("customer_id", "status", "email", "phone"):
            cursor.execute(f"CREATE INDEX ix_orders_{column} ON orders ({column})")
        analyze(conn)
        # --8<-- [start:cases]
        cases = [
            ("a function wrapped around the column",
             "lower(email) = 'user42@example.com'", ()),
            ("a pattern that starts with a wildcard",
             "email LIKE '%42@example.com'", ()),
            ("a pattern with a fixed prefix (it depends on the engine)",
             "email LIKE 'user42@%'", ()),
            ("a value that matches 98% of the rows", "status = 'paid'", ()),
            ("a value that matches 2% of the rows", "status = 'refunded'", ()),
            ("a number compared with a VARCHAR column",
             f"phone = {p}", (5550810111,)),
            ("a float compared with an INTEGER column",
             f"customer_id = {p}", (42.0,)),
        ]
        for title, where, params in cases:
            show_or_error(conn, title, where, params)
        # --8<-- [end:cases]
        if db.current().name == "sqlite":
            # --8<-- [start:stat1]
            cursor.execute(
                "SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_orders_status'"
            )
            print("sqlite_stat1 for ix_orders_status:", cursor.fetchone()[0])
            # --8<-- [end:stat1]
        print()
        fixes(conn)


if __name__ == "__main__":
    main()
