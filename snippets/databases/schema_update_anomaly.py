"""Make an update anomaly happen in a flat order table, then see normalization rule it out."""

from __future__ import annotations

import sqlite3
from typing import Any

from labkit import db

# order_id, placed_on, customer_email, customer_name, customer_city, sku, product_name,
# unit_price_cents, quantity
FLAT_ROWS = [
    (1, "2024-03-01", "ada@example.com", "Ada", "London", "BK-1", "Dune", 1099, 1),
    (1, "2024-03-01", "ada@example.com", "Ada", "London", "MUG-3", "Mug", 850, 2),
    (2, "2024-03-09", "ada@example.com", "Ada", "London", "BK-1", "Dune", 1099, 1),
    (3, "2024-03-10", "grace@example.com", "Grace", "York", "BK-12", "Emma", 799, 1),
]

# --8<-- [start:flat-table]
FLAT_SCHEMA = """
CREATE TABLE order_lines_flat (
    order_id         INTEGER NOT NULL,
    placed_on        TEXT    NOT NULL,  -- depends on order_id alone
    customer_email   TEXT    NOT NULL,  -- depends on order_id alone
    customer_name    TEXT    NOT NULL,  -- depends on customer_email
    customer_city    TEXT    NOT NULL,  -- depends on customer_email
    sku              TEXT    NOT NULL,
    product_name     TEXT    NOT NULL,  -- depends on sku alone
    unit_price_cents INTEGER NOT NULL,
    quantity         INTEGER NOT NULL,
    PRIMARY KEY (order_id, sku)
)"""
# --8<-- [end:flat-table]

# --8<-- [start:normal-tables]
NORMALIZED_SCHEMA = """
CREATE TABLE customers (
    id    INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name  TEXT NOT NULL,
    city  TEXT NOT NULL
);
CREATE TABLE products (
    id   INTEGER PRIMARY KEY,
    sku  TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    placed_on   TEXT NOT NULL
);
CREATE TABLE order_lines (
    order_id         INTEGER NOT NULL REFERENCES orders (id),
    product_id       INTEGER NOT NULL REFERENCES products (id),
    unit_price_cents INTEGER NOT NULL,
    quantity         INTEGER NOT NULL,
    PRIMARY KEY (order_id, product_id)
);"""
# --8<-- [end:normal-tables]

# --8<-- [start:decompose]
SPLIT_FLAT_ROWS = """
INSERT INTO customers (email, name, city)
    SELECT DISTINCT customer_email, customer_name, customer_city FROM order_lines_flat;
INSERT INTO products (sku, name)
    SELECT DISTINCT sku, product_name FROM order_lines_flat;
INSERT INTO orders (id, customer_id, placed_on)
    SELECT DISTINCT f.order_id, c.id, f.placed_on
    FROM order_lines_flat f JOIN customers c ON c.email = f.customer_email;
INSERT INTO order_lines (order_id, product_id, unit_price_cents, quantity)
    SELECT f.order_id, p.id, f.unit_price_cents, f.quantity
    FROM order_lines_flat f JOIN products p ON p.sku = f.sku;"""
# --8<-- [end:decompose]

JOIN_BACK = """
SELECT o.id, o.placed_on, c.email, c.name, c.city, p.sku, p.name, l.unit_price_cents, l.quantity
FROM order_lines l
JOIN orders o ON o.id = l.order_id
JOIN customers c ON c.id = o.customer_id
JOIN products p ON p.id = l.product_id
ORDER BY o.id, p.sku"""


def flat_cities(conn: Any, email: str) -> list[str]:
    """Every city the flat table records for one customer."""
    rows = conn.execute("SELECT DISTINCT customer_city FROM order_lines_flat"
                        " WHERE customer_email = ? ORDER BY 1", (email,)).fetchall()
    return [city for (city,) in rows]


def normalized_cities(conn: Any, email: str) -> list[str]:
    """Every city the normalized tables give for one customer, looked up through her orders."""
    rows = conn.execute("SELECT DISTINCT c.city FROM orders o"
                        " JOIN customers c ON c.id = o.customer_id"
                        " WHERE c.email = ? ORDER BY 1", (email,)).fetchall()
    return [city for (city,) in rows]


def main() -> None:
    """Run the same three changes against the flat table and against the normalized one."""
    with db.scratch() as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(FLAT_SCHEMA)
        conn.executemany(f"INSERT INTO order_lines_flat VALUES ({', '.join('?' * 9)})",
                         FLAT_ROWS)
        conn.executescript(NORMALIZED_SCHEMA + SPLIT_FLAT_ROWS)
        same = conn.execute(JOIN_BACK).fetchall() == sorted(FLAT_ROWS, key=lambda r: (r[0], r[5]))
        print(f"Joining the four tables gives back the flat rows exactly: {same}")

        # --8<-- [start:anomaly]
        print("\nFlat table: Ada moves to Leeds; the code updates the row of her latest order")
        changed = conn.execute("UPDATE order_lines_flat SET customer_city = 'Leeds'"
                               " WHERE order_id = 2").rowcount  # [mark:partial-update]
        print(f"  rows changed: {changed} of 3 that hold her city")
        print(f"  where does Ada live? {flat_cities(conn, 'ada@example.com')}")
        conn.execute("DELETE FROM order_lines_flat WHERE order_id = 3")
        names = conn.execute("SELECT DISTINCT product_name FROM order_lines_flat"
                             " WHERE sku = 'BK-12'").fetchall()
        print(f"  Grace's only order is deleted; what is product BK-12 called? "
              f"{[name for (name,) in names]}")
        try:
            conn.execute("INSERT INTO order_lines_flat (sku, product_name, unit_price_cents,"
                         " quantity) VALUES ('PEN-7', 'Pen', 250, 1)")
        except sqlite3.IntegrityError as error:
            print(f"  a new product with no order yet: rejected\n    ({error})")
        # --8<-- [end:anomaly]

        # --8<-- [start:normalized]
        print("\nNormalized tables: the same three changes")
        changed = conn.execute("UPDATE customers SET city = 'Leeds'"
                               " WHERE email = 'ada@example.com'").rowcount  # [mark:one-row]
        print(f"  rows changed: {changed} of 1 that holds her city")
        print(f"  where does Ada live, asked through her orders? "
              f"{normalized_cities(conn, 'ada@example.com')}")
        conn.execute("DELETE FROM order_lines WHERE order_id = 3")
        conn.execute("DELETE FROM orders WHERE id = 3")
        names = conn.execute("SELECT name FROM products WHERE sku = 'BK-12'").fetchall()
        print(f"  Grace's only order is deleted; what is product BK-12 called? "
              f"{[name for (name,) in names]}")
        conn.execute("INSERT INTO products (sku, name) VALUES ('PEN-7', 'Pen')")
        print("  a new product with no order yet: stored")
        try:
            conn.execute("INSERT INTO customers (email, name, city)"
                         " VALUES ('ada@example.com', 'Ada', 'London')")  # [mark:second-copy]
        except sqlite3.IntegrityError as error:
            print(f"  a second copy of Ada, to hold a second city: rejected\n    ({error})")
        # --8<-- [end:normalized]


if __name__ == "__main__":
    main()
