"""Store a list in one column, watch a query answer wrongly, then fix it with one row per item."""

from __future__ import annotations

from typing import Any

from labkit import db

ORDERS = [(1, "ada", "BK-1,BK-12"), (2, "grace", "BK-12"), (3, "alan", "MUG-3,BK-1")]


def orders_with_list_column(conn: Any, sku: str) -> list[int]:
    """Which orders contain `sku`, asked of a table that keeps SKUs as a comma-separated list."""
    # --8<-- [start:list-query]
    rows = conn.execute(
        "SELECT order_id FROM orders_flat WHERE skus LIKE ? ORDER BY order_id",  # [mark:like]
        (f"%{sku}%",),
    ).fetchall()
    # --8<-- [end:list-query]
    return [order_id for (order_id,) in rows]


def orders_with_item_rows(conn: Any, sku: str) -> list[int]:
    """Which orders contain `sku`, asked of a table with one row per order and SKU."""
    # --8<-- [start:row-query]
    rows = conn.execute(
        "SELECT order_id FROM order_items WHERE sku = ? ORDER BY order_id", (sku,)
    ).fetchall()
    # --8<-- [end:row-query]
    return [order_id for (order_id,) in rows]


def main() -> None:
    """Ask "which orders contain BK-1?" of both designs and count sales per SKU."""
    with db.scratch() as conn:
        # --8<-- [start:list-column]
        conn.execute("CREATE TABLE orders_flat (order_id INTEGER PRIMARY KEY, customer TEXT,"
                     " skus TEXT)")  # [mark:skus]
        conn.executemany("INSERT INTO orders_flat VALUES (?, ?, ?)", ORDERS)
        print("A list in one column:")
        for row in conn.execute("SELECT * FROM orders_flat"):
            print(f"  {row}")
        print("  orders containing BK-1:", orders_with_list_column(conn, "BK-1"))
        # --8<-- [end:list-column]

        # --8<-- [start:first-nf]
        conn.execute("CREATE TABLE order_items (order_id INTEGER NOT NULL, sku TEXT NOT NULL,"
                     " PRIMARY KEY (order_id, sku))")  # [mark:one-row]
        for order_id, _customer, skus in ORDERS:
            conn.executemany("INSERT INTO order_items VALUES (?, ?)",
                             [(order_id, sku) for sku in skus.split(",")])
        print("One row per item:  orders containing BK-1:", orders_with_item_rows(conn, "BK-1"))
        sold = conn.execute(
            "SELECT sku, COUNT(*) FROM order_items GROUP BY sku ORDER BY sku"
        ).fetchall()
        print("  orders per SKU:", sold)
        # --8<-- [end:first-nf]


if __name__ == "__main__":
    main()
