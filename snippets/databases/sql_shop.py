"""The small shop every example on the SQL page queries: customers, orders, categories, products.

Other `sql_*` snippets import `create_shop()` to fill a scratch database and `show()`
to print query results as a table. Run this module to see the data itself.
"""

from __future__ import annotations

from typing import Any

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")

# --8<-- [start:schema]
SCHEMA = [
    """CREATE TABLE customers (
           id   INTEGER PRIMARY KEY,
           name VARCHAR(50) NOT NULL,
           city VARCHAR(50) NOT NULL)""",
    """CREATE TABLE orders (
           id          INTEGER PRIMARY KEY,
           customer_id INTEGER,                 -- NULL: a guest checkout
           ordered_on  DATE NOT NULL,
           total_cents INTEGER NOT NULL,        -- money as integer cents, never floats
           FOREIGN KEY (customer_id) REFERENCES customers (id))""",
    """CREATE TABLE categories (
           id        INTEGER PRIMARY KEY,
           name      VARCHAR(50) NOT NULL,
           parent_id INTEGER,                   -- NULL: a top-level category
           FOREIGN KEY (parent_id) REFERENCES categories (id))""",
    """CREATE TABLE products (
           id          INTEGER PRIMARY KEY,
           name        VARCHAR(50) NOT NULL,
           category_id INTEGER NOT NULL,
           FOREIGN KEY (category_id) REFERENCES categories (id))""",
]
# --8<-- [end:schema]

# --8<-- [start:data]
ROWS: dict[str, list[tuple[Any, ...]]] = {
    "customers": [
        (1, "Ada", "London"),
        (2, "Grace", "New York"),
        (3, "Linus", "Helsinki"),
        (4, "Margaret", "Boston"),  # has never ordered
    ],
    "orders": [
        (1, 1, "2024-03-01", 4000),
        (2, 2, "2024-03-01", 12000),
        (3, 1, "2024-03-02", 2500),
        (4, 3, "2024-03-02", 800),
        (5, 2, "2024-03-03", 1500),
        (6, 1, "2024-03-05", 4000),
        (7, None, "2024-03-05", 3000),  # a guest: no customer
    ],
    "categories": [
        (1, "Electronics", None),
        (2, "Computers", 1),
        (3, "Laptops", 2),
        (4, "Keyboards", 2),
        (5, "Phones", 1),
        (6, "Books", None),
        (7, "Databases", 6),
    ],
    "products": [
        (1, "Featherbook 13", 3),
        (2, "Clatter 87", 4),
        (3, "Tower Pro", 2),
        (4, "Pocket 5", 5),
        (5, "Rows and Relations", 7),
    ],
}
# --8<-- [end:data]


def create_shop(conn: Any) -> None:
    """Create the four tables in `conn`'s scratch space and insert the sample rows."""
    mark = db.current().placeholder
    cursor = conn.cursor()
    for statement in SCHEMA:
        cursor.execute(statement)
    for table, rows in ROWS.items():
        marks = ", ".join([mark] * len(rows[0]))
        cursor.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    conn.commit()


def show(cursor: Any, title: str | None = None) -> None:
    """Print the rows of an executed query as a small table; NULL is printed as NULL."""
    names = [column[0] for column in cursor.description]
    rows = [["NULL" if v is None else str(v) for v in row] for row in cursor.fetchall()]
    widths = [max(len(x) for x in column) for column in zip(names, *rows, strict=False)]
    if title:
        print(f"-- {title}")
    print("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip())
    for row in rows:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    print()


def run(conn: Any, sql: str, title: str) -> None:
    """Execute `sql` and print its rows, or print the error if the engine refuses the query."""
    cursor = conn.cursor()
    try:
        cursor.execute(sql)
    except conn.Error as error:
        conn.rollback()  # PostgreSQL refuses every later statement of a failed transaction
        print(f"-- {title}\n{describe(error)}\n")
        return
    show(cursor, title)


def describe(error: Exception) -> str:
    """One line naming a driver error: its class and the first line of its message."""
    message = str(error.args[-1]) if error.args else str(error)  # PyMySQL: (code, message)
    return f"{type(error).__name__}: {message.strip().splitlines()[0]}"


def main() -> None:
    """Create the shop and print every table."""
    with db.scratch() as conn:
        create_shop(conn)
        cursor = conn.cursor()
        for table in ROWS:
            cursor.execute(f"SELECT * FROM {table} ORDER BY id")
            show(cursor, table)


if __name__ == "__main__":
    main()
