"""Upsert in one statement: ON CONFLICT (SQLite, PostgreSQL) and ON DUPLICATE KEY (MariaDB)."""

from __future__ import annotations

from typing import Any

from labkit import db
from snippets.databases.sql_shop import describe, show

ENGINES = ("sqlite", "postgresql", "mariadb")

CREATE = "CREATE TABLE stock (sku VARCHAR(20) PRIMARY KEY, quantity INTEGER NOT NULL)"

RESTOCK = {
    # --8<-- [start:standard]
    "sqlite": """
        INSERT INTO stock (sku, quantity) VALUES (?, ?)
        ON CONFLICT (sku) DO UPDATE
        SET quantity = stock.quantity + excluded.quantity""",
    "postgresql": """
        INSERT INTO stock (sku, quantity) VALUES (%s, %s)
        ON CONFLICT (sku) DO UPDATE
        SET quantity = stock.quantity + excluded.quantity""",
    # --8<-- [end:standard]
    # --8<-- [start:mariadb]
    "mariadb": """
        INSERT INTO stock (sku, quantity) VALUES (%s, %s)
        ON DUPLICATE KEY UPDATE
        quantity = quantity + VALUES(quantity)""",
    # --8<-- [end:mariadb]
}


def restock(conn: Any, sku: str, quantity: int) -> int:
    """Add `quantity` of `sku` (creating the row if needed); return the driver's rowcount."""
    cursor = conn.cursor()
    cursor.execute(RESTOCK[db.current().name], (sku, quantity))
    conn.commit()
    return cursor.rowcount


def check_then_insert(space: Any) -> None:
    """Two sessions both look first, both see nothing, both insert: one of them fails."""
    mark = db.current().placeholder
    first, second = space.connect(), space.connect()
    try:
        # --8<-- [start:race]
        look = f"SELECT quantity FROM stock WHERE sku = {mark}"
        add = f"INSERT INTO stock (sku, quantity) VALUES ({mark}, {mark})"
        a, b = first.cursor(), second.cursor()
        a.execute(look, ("MS-01",))
        b.execute(look, ("MS-01",))
        print("rows found by A:", len(a.fetchall()), "  rows found by B:", len(b.fetchall()))
        a.execute(add, ("MS-01", 1))
        first.commit()
        try:
            b.execute(add, ("MS-01", 1))
            second.commit()
        except second.Error as error:
            second.rollback()
            print("session B's insert:", describe(error))
        # --8<-- [end:race]
    finally:
        first.close()
        second.close()


def main() -> None:
    """Restock three times, print the rowcounts and the table, then race a check-then-insert."""
    with db.scratch_space() as space:
        conn = space.connect()
        try:
            conn.cursor().execute(CREATE)
            conn.commit()
            # --8<-- [start:calls]
            print("new sku KB-87, +5     rowcount:", restock(conn, "KB-87", 5))
            print("same sku KB-87, +3    rowcount:", restock(conn, "KB-87", 3))
            print("new sku LT-13, +2     rowcount:", restock(conn, "LT-13", 2))
            cursor = conn.cursor()
            cursor.execute("SELECT sku, quantity FROM stock ORDER BY sku")
            show(cursor)
            # --8<-- [end:calls]
        finally:
            conn.close()
        check_then_insert(space)


if __name__ == "__main__":
    main()
