"""Switch MariaDB's CHECK and FOREIGN KEY checks off in a session: what slips in stays in."""

from __future__ import annotations

from labkit import db

ENGINES = ("mariadb",)

SCHEMA = [
    "CREATE TABLE customers (id INTEGER PRIMARY KEY)",
    """CREATE TABLE orders (
        id          INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL,
        quantity    INTEGER NOT NULL,
        CONSTRAINT orders_quantity_positive CHECK (quantity > 0),
        CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
    )""",
]

BROKEN_ROWS = """
SELECT o.id, o.customer_id, o.quantity FROM orders o
LEFT JOIN customers c ON c.id = o.customer_id
WHERE o.quantity <= 0 OR c.id IS NULL
ORDER BY o.id"""


def main() -> None:
    """Insert two bad rows with the checks off, switch them back on, and look."""
    with db.scratch(db.ENGINES["mariadb"]) as conn:  # MariaDB only, whatever LAB_ENGINE says
        cursor = conn.cursor()
        for statement in SCHEMA:
            cursor.execute(statement)
        cursor.execute("INSERT INTO customers VALUES (1)")
        # --8<-- [start:switches]
        cursor.execute("SELECT @@check_constraint_checks, @@foreign_key_checks")
        print("check_constraint_checks, foreign_key_checks:", cursor.fetchone())
        cursor.execute("SET SESSION check_constraint_checks = OFF")  # [mark:off]
        cursor.execute("SET SESSION foreign_key_checks = OFF")  # [mark:off2]
        cursor.execute("INSERT INTO orders VALUES (1, 1, -5)")  # breaks the CHECK
        cursor.execute("INSERT INTO orders VALUES (2, 99, 1)")  # breaks the FOREIGN KEY
        conn.commit()
        print("with both OFF: a quantity of -5 and an order for customer 99 were accepted")
        cursor.execute("SET SESSION check_constraint_checks = ON")
        cursor.execute("SET SESSION foreign_key_checks = ON")
        cursor.execute(BROKEN_ROWS)
        print("back ON: rows that break the rules, still stored:", cursor.fetchall())
        try:
            cursor.execute("INSERT INTO orders VALUES (3, 1, -5)")
        except Exception as error:  # PyMySQL reports a failed CHECK as OperationalError
            print(f"a new bad row is refused again: {type(error).__name__} {error.args[0]}")
        # --8<-- [end:switches]


if __name__ == "__main__":
    main()
