"""Hidden checks for the sql_reports exercise.

They build their own shop in memory: the page's data plus a few rows the page does not
show (a second O'Brien, a tie on the latest day, a deeper category), so a query that
only fits the page's data fails here.
"""

from __future__ import annotations

import sqlite3
from types import ModuleType

from snippets.databases.sql_shop import ROWS, SCHEMA

EXTRA = {
    "customers": [(5, "Aoife O'Brien", "Cork"), (6, "Aoife O'Brien", "Galway"),
                  (7, "Zeno", "Elea")],
    "orders": [(8, 5, "2024-03-06", 900), (9, 5, "2024-03-06", 100),
               (10, 3, "2024-02-01", 700)],
    "categories": [(8, "Ultralight", 3), (9, "Mechanical", 4), (10, "Tenkeyless", 9)],
}


def shop() -> sqlite3.Connection:
    """A fresh in-memory shop with the page's rows and the extra ones."""
    conn = sqlite3.connect(":memory:")
    for statement in SCHEMA:
        conn.execute(statement)
    for table, rows in ROWS.items():
        for row in rows + EXTRA.get(table, []):
            conn.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", row)
    conn.commit()
    return conn


def check_order_counts(module: ModuleType) -> None:
    """order_counts lists every customer, with 0 for those who never ordered."""
    got = [tuple(row) for row in module.order_counts(shop())]
    expected = [("Ada", 3), ("Aoife O'Brien", 0), ("Aoife O'Brien", 2), ("Grace", 2),
                ("Linus", 2), ("Margaret", 0), ("Zeno", 0)]
    assert sorted(got) == expected, (
        f"order_counts returned {got}; expected {expected} (the two Aoifes in any order). "
        "A customer with no orders needs a LEFT JOIN, and COUNT(o.id) rather than COUNT(*), "
        "which counts the row of NULLs as 1."
    )
    names = [name for name, _ in got]
    assert names == sorted(names), f"order_counts is not sorted by name: {names}"


def check_find_customer_quotes(module: ModuleType) -> None:
    """find_customer handles a name with a quote in it (Aoife O'Brien)."""
    try:
        got = list(module.find_customer(shop(), "Aoife O'Brien"))
    except sqlite3.Error as error:
        raise AssertionError(
            f"find_customer(\"Aoife O'Brien\") raised {error!r}: the quote ended the string "
            "literal. Pass the name as a parameter: conn.execute(sql, (name,))."
        ) from error
    assert got == [5, 6], f"find_customer(\"Aoife O'Brien\") returned {got}; expected [5, 6]"


def check_find_customer_injection(module: ModuleType) -> None:
    """find_customer never matches a customer whose name differs (no SQL injection)."""
    for hostile in ("x' OR '1'='1", "x' OR 1=1 --", "Ada' --"):
        try:
            got = list(module.find_customer(shop(), hostile))
        except sqlite3.Error as error:
            raise AssertionError(
                f"find_customer({hostile!r}) raised {error!r}: the value was read as SQL. "
                "Use a ? placeholder and pass the value separately."
            ) from error
        assert got == [], (
            f"find_customer({hostile!r}) returned {got}: the value changed the query. "
            "Use a ? placeholder and pass the value separately."
        )


def check_latest_orders(module: ModuleType) -> None:
    """latest_orders picks each customer's latest order, breaking ties by the larger id."""
    got = dict(module.latest_orders(shop()))
    expected = {1: 6, 2: 5, 3: 4, 5: 9}
    assert None not in got, "latest_orders included the guest order (customer_id NULL)"
    assert got == expected, (
        f"latest_orders returned {got}; expected {expected}. Customer 5 has two orders on "
        "the same day: the tie goes to the larger id (ORDER BY ordered_on DESC, id DESC)."
    )


def check_descendants(module: ModuleType) -> None:
    """descendants walks the category tree to any depth."""
    conn = shop()
    cases = {2: [2, 3, 4, 8, 9, 10], 4: [4, 9, 10], 6: [6, 7], 8: [8]}
    for category, expected in cases.items():
        got = list(module.descendants(conn, category))
        assert got == expected, (
            f"descendants(conn, {category}) returned {got}; expected {expected}. "
            "Start from the category itself, then join children to the rows found so far "
            "(WITH RECURSIVE ... UNION ALL ...)."
        )
