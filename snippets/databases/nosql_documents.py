"""Store JSON documents in a relational table, read fields out of them, and reject bad JSON."""

from __future__ import annotations

import json
import re
from typing import Any

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")

# --8<-- [start:schema]
CREATE_TABLE = {
    "sqlite": "CREATE TABLE products (id INTEGER PRIMARY KEY,"
              " doc TEXT NOT NULL CHECK (json_valid(doc)))",  # [mark:sqlite-check]
    "postgresql": "CREATE TABLE products (id INTEGER PRIMARY KEY, doc JSONB NOT NULL)",
    "mariadb": "CREATE TABLE products (id INTEGER PRIMARY KEY, doc JSON NOT NULL)",
}
# --8<-- [end:schema]

# --8<-- [start:documents]
PRODUCTS = [
    {"sku": "TS-01", "name": "Trail tee", "brand": "Kestrel", "price": 19.5,
     "attrs": {"colour": "green", "sizes": ["S", "M", "L"]}},
    {"sku": "LP-07", "name": "Field laptop", "brand": "Ardent", "price": 1299,
     "attrs": {"ram_gb": 16, "ports": {"usb_c": 2}}},
    {"sku": "MG-03", "name": "Enamel mug", "brand": "Kestrel", "price": 8,
     "tags": ["gift", "camping"]},
]
# --8<-- [end:documents]

# --8<-- [start:paths]
# The same questions, in each engine's dialect.
BRAND = {
    "sqlite": "json_extract(doc, '$.brand')",
    "postgresql": "doc ->> 'brand'",
    "mariadb": "JSON_VALUE(doc, '$.brand')",
}
COLOUR = {  # a nested field that only some documents have
    "sqlite": "json_extract(doc, '$.attrs.colour')",
    "postgresql": "doc -> 'attrs' ->> 'colour'",
    "mariadb": "JSON_VALUE(doc, '$.attrs.colour')",
}
PRICE_AS_TEXT = {  # compares strings: a trap
    "sqlite": "json_extract(doc, '$.price') < '20'",
    "postgresql": "doc ->> 'price' < '20'",
    "mariadb": "JSON_VALUE(doc, '$.price') < '20'",
}
PRICE_AS_NUMBER = {  # converts the field to a number first
    "sqlite": "json_extract(doc, '$.price') < 20",
    "postgresql": "(doc ->> 'price')::numeric < 20",
    "mariadb": "CAST(JSON_VALUE(doc, '$.price') AS DECIMAL(10, 2)) < 20",
}
# --8<-- [end:paths]


def column_type(cursor: Any, engine: str) -> str:
    """What the engine really made of the `doc` column."""
    if engine == "sqlite":
        cursor.execute("SELECT sql FROM sqlite_schema WHERE name = 'products'")
        sql = cursor.fetchone()[0]
        return sql[sql.index(",") + 1:-1].strip()
    if engine == "postgresql":
        cursor.execute("SELECT data_type FROM information_schema.columns"
                       " WHERE table_schema = current_schema()"
                       " AND table_name = 'products' AND column_name = 'doc'")
        return f"doc {cursor.fetchone()[0]} NOT NULL"
    cursor.execute("SHOW CREATE TABLE products")
    ddl = cursor.fetchone()[1]
    return next(line.strip(" ,") for line in ddl.splitlines() if "`doc`" in line)


def main() -> None:
    """Create the table, insert three different documents and query inside them."""
    engine = db.current()
    name, p = engine.name, engine.placeholder
    with db.scratch() as conn:
        cursor = conn.cursor()
        # --8<-- [start:run]
        cursor.execute(CREATE_TABLE[name])
        cursor.executemany(
            f"INSERT INTO products (id, doc) VALUES ({p}, {p})",
            [(n, json.dumps(doc)) for n, doc in enumerate(PRODUCTS, start=1)],
        )
        conn.commit()
        print(f"{engine.label} stores the column as: {column_type(cursor, name)}")

        print("Kestrel products and their colour:")
        cursor.execute(f"SELECT id, {COLOUR[name]} FROM products"
                       f" WHERE {BRAND[name]} = {p} ORDER BY id", ("Kestrel",))
        for product_id, colour in cursor.fetchall():
            print(f"  {sku(product_id)}: colour={colour!r}")  # [mark:missing]

        for label, where in (("as text", PRICE_AS_TEXT), ("as a number", PRICE_AS_NUMBER)):
            cursor.execute(f"SELECT id FROM products WHERE {where[name]} ORDER BY id")
            skus = [sku(row[0]) for row in cursor.fetchall()]
            print(f"price < 20, compared {label:<11}: {', '.join(skus)}")

        try:
            cursor.execute(f"INSERT INTO products (id, doc) VALUES (4, {p})",
                           ('{"sku": "BAD", "price": }',))
            print("invalid JSON accepted!")
        except Exception as error:  # each driver raises its own class
            print(f"invalid JSON rejected: {type(error).__name__}: {first_line(error)}")
        # --8<-- [end:run]


def sku(product_id: int) -> str:
    """The SKU of a product of the sample, by its id (1, 2, 3)."""
    return PRODUCTS[product_id - 1]["sku"]


def first_line(error: Exception) -> str:
    """The first line of an error message, without the scratch database's random name."""
    return re.sub(r"lab_[0-9a-f]{8}", "<scratch>", str(error).splitlines()[0])


if __name__ == "__main__":
    main()
