"""Send rows that break NOT NULL, UNIQUE, CHECK and FOREIGN KEY rules and see each engine refuse."""

from __future__ import annotations

import textwrap
from typing import Any

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")

# --8<-- [start:schema]
SCHEMA = [
    """CREATE TABLE customers (
        id    INTEGER PRIMARY KEY,
        email VARCHAR(254) NOT NULL,
        phone VARCHAR(20),
        CONSTRAINT customers_email_unique UNIQUE (email),
        CONSTRAINT customers_phone_unique UNIQUE (phone)
    )""",
    """CREATE TABLE orders (
        id           INTEGER PRIMARY KEY,
        customer_id  INTEGER NOT NULL,
        quantity     INTEGER NOT NULL,
        discount_pct INTEGER,
        CONSTRAINT orders_quantity_positive CHECK (quantity > 0),
        CONSTRAINT orders_discount_range CHECK (discount_pct BETWEEN 0 AND 100),
        CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
    )""",
]
# --8<-- [end:schema]

# --8<-- [start:attempts]
ATTEMPTS = [
    ("valid", "a customer", "INSERT INTO customers VALUES (1, 'ada@example.com', NULL)"),
    ("NOT NULL", "a customer with no email", "INSERT INTO customers VALUES (2, NULL, NULL)"),
    ("UNIQUE", "a second customer with Ada's email",
     "INSERT INTO customers VALUES (3, 'ada@example.com', NULL)"),
    ("UNIQUE", "a second customer with no phone (NULL)",
     "INSERT INTO customers VALUES (4, 'grace@example.com', NULL)"),
    ("CHECK", "an order with no discount (NULL)", "INSERT INTO orders VALUES (1, 1, 2, NULL)"),
    ("CHECK", "an order for 0 items", "INSERT INTO orders VALUES (2, 1, 0, NULL)"),
    ("CHECK", "a 150% discount", "INSERT INTO orders VALUES (3, 1, 1, 150)"),
    ("FOREIGN KEY", "an order for customer 99", "INSERT INTO orders VALUES (4, 99, 1, NULL)"),
    ("FOREIGN KEY", "deleting Ada, who has an order", "DELETE FROM customers WHERE id = 1"),
    ("type", "an order for 'ten' items", "INSERT INTO orders VALUES (5, 1, 'ten', NULL)"),
]
# --8<-- [end:attempts]


def why(error: Exception, scratch_name: str) -> str:
    """One line saying why the engine refused: exception class and the server's own words."""
    diag = getattr(error, "diag", None)  # psycopg keeps the server's message here
    if diag is not None and diag.message_primary:
        text = diag.message_primary
    elif len(error.args) == 2 and isinstance(error.args[0], int):  # PyMySQL: (code, message)
        text = f"[{error.args[0]}] {error.args[1]}"
    else:
        text = str(error)
    return f"{type(error).__name__}: {text.replace(scratch_name, '<scratch>')}"


def attempt_all(conn: Any, scratch_name: str) -> list[tuple[str, str, str]]:
    """Run every attempt in its own transaction; return (rule, what, outcome) for each."""
    # --8<-- [start:run]
    results = []
    for rule, what, statement in ATTEMPTS:
        cursor = conn.cursor()
        try:
            cursor.execute(statement)
            conn.commit()
            outcome = "accepted"
        except Exception as error:  # each driver raises its own classes
            conn.rollback()
            outcome = "REJECTED  " + why(error, scratch_name)
        results.append((rule, what, outcome))
    # --8<-- [end:run]
    return results


def main() -> None:
    """Create the two tables, then try each row and print what the engine said."""
    # --8<-- [start:main]
    engine = db.current()
    with db.scratch_space() as space:
        conn = space.connect()
        cursor = conn.cursor()
        if engine.name == "sqlite":
            cursor.execute("PRAGMA foreign_keys = ON")  # [mark:pragma]
        for statement in SCHEMA:
            cursor.execute(statement)
        conn.commit()
        print(f"{engine.label}:")
        for rule, what, outcome in attempt_all(conn, space.name):
            print(f"{rule:<13}{what}")
            print(textwrap.fill(outcome, width=78, initial_indent=" " * 13 + "-> ",
                                subsequent_indent=" " * 19))
        conn.close()
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
