"""Three SQLite rules you must switch on yourself: foreign keys, strict types, NOT NULL keys."""

from __future__ import annotations

import sqlite3

from labkit import db

TABLES = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id)
);"""


def main() -> None:
    """Show each rule off (the default) and then on."""
    with db.scratch() as conn:
        conn.executescript(TABLES)
        # --8<-- [start:foreign-keys]
        print("1. Foreign keys")
        print("   PRAGMA foreign_keys on a new connection:",
              conn.execute("PRAGMA foreign_keys").fetchone()[0])
        conn.execute("INSERT INTO orders VALUES (1, 42)")  # customer 42 does not exist
        conn.execute("PRAGMA foreign_keys = ON")  # [mark:too-late]
        print("   after an INSERT, inside its open transaction, turning them on gives:",
              conn.execute("PRAGMA foreign_keys").fetchone()[0])
        conn.commit()
        conn.execute("PRAGMA foreign_keys = ON")  # [mark:pragma]
        print("   after COMMIT, turning them on gives:",
              conn.execute("PRAGMA foreign_keys").fetchone()[0])
        try:
            conn.execute("INSERT INTO orders VALUES (2, 43)")
        except sqlite3.IntegrityError as error:
            print(f"   a new orphan order: rejected ({error})")
        orphans = conn.execute("PRAGMA foreign_key_check").fetchall()  # [mark:fk-check]
        print(f"   the orphan stored while they were off is still there:\n     {orphans}")
        # --8<-- [end:foreign-keys]

        # --8<-- [start:strict]
        print("2. Column types")
        conn.execute("CREATE TABLE loose (quantity INTEGER)")
        conn.execute("CREATE TABLE strict (quantity INTEGER) STRICT")  # [mark:strict]
        conn.execute("INSERT INTO loose VALUES ('ten')")
        stored = conn.execute("SELECT quantity, typeof(quantity) FROM loose").fetchone()
        print(f"   ordinary table: 'ten' accepted, stored as {stored}")
        try:
            conn.execute("INSERT INTO strict VALUES ('ten')")
        except sqlite3.IntegrityError as error:
            print(f"   STRICT table: rejected\n     ({error})")
        # --8<-- [end:strict]

        # --8<-- [start:null-key]
        print("3. NULL in a primary key")
        conn.execute("CREATE TABLE products (sku TEXT PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO products VALUES (NULL, 'Pen'), (NULL, 'Pencil')")
        count = conn.execute("SELECT COUNT(*) FROM products WHERE sku IS NULL").fetchone()[0]
        print(f"   sku TEXT PRIMARY KEY: rows with a NULL key accepted: {count}")
        conn.execute("CREATE TABLE products_fixed (sku TEXT NOT NULL PRIMARY KEY, name TEXT)")
        try:
            conn.execute("INSERT INTO products_fixed VALUES (NULL, 'Pen')")
        except sqlite3.IntegrityError as error:
            print(f"   sku TEXT NOT NULL PRIMARY KEY: rejected\n     ({error})")
        # --8<-- [end:null-key]


if __name__ == "__main__":
    main()
