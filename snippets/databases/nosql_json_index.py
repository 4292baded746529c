"""Index a field inside JSON documents and watch the plan switch from a scan to the index."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from labkit import db
from labkit.measure import measured

ENGINES = ("sqlite", "postgresql", "mariadb")

ROWS = 50_000
BRANDS = 100  # so each brand owns 1% of the rows
BRAND = "brand-07"  # the one the queries look for

# --8<-- [start:setup]
TABLE = {
    "sqlite": "CREATE TABLE products (id INTEGER PRIMARY KEY,"
              " doc TEXT NOT NULL CHECK (json_valid(doc)))",
    "postgresql": "CREATE TABLE products (id INTEGER PRIMARY KEY, doc JSONB NOT NULL)",
    "mariadb": "CREATE TABLE products (id INTEGER PRIMARY KEY, doc JSON NOT NULL,"
               " brand VARCHAR(40) AS (JSON_VALUE(doc, '$.brand')) VIRTUAL)",  # [mark:generated]
}
INDEXES = {
    "sqlite": ["CREATE INDEX products_brand ON products (json_extract(doc, '$.brand'))"],
    "postgresql": [
        "CREATE INDEX products_doc ON products USING GIN (doc jsonb_path_ops)",  # [mark:gin]
        "CREATE INDEX products_brand ON products ((doc ->> 'brand'))",  # [mark:expression]
    ],
    "mariadb": ["CREATE INDEX products_brand ON products (brand)"],
}
QUERIES = {  # two ways to ask for one brand; `?` stands for the brand's parameter
    "sqlite": ["json_extract(doc, '$.brand') = ?", "doc ->> '$.brand' = ?"],
    "postgresql": ["doc @> ?", "doc ->> 'brand' = ?"],
    "mariadb": ["brand = ?", "JSON_VALUE(doc, '$.brand') = ?"],
}
# --8<-- [end:setup]


def sql_for(engine: str, where: str) -> tuple[str, tuple[str]]:
    """The lookup for brand-07 with `where`: SQL in the driver's style, and its parameter."""
    param = json.dumps({"brand": BRAND}) if "@>" in where else BRAND
    if engine != "sqlite":  # psycopg and PyMySQL write parameters as %s
        where = where.replace("?", "%s::jsonb" if "@>" in where else "%s")
    return f"SELECT count(*) FROM products WHERE {where}", (param,)


# --8<-- [start:plan]
def plan(cursor: Any, engine: str, where: str) -> str:
    """The query plan for `where`, reduced to the steps that show scan or index."""
    sql, params = sql_for(engine, where)
    if engine == "sqlite":
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "; ".join(row[3] for row in cursor.fetchall())
    if engine == "postgresql":
        cursor.execute(f"EXPLAIN (COSTS OFF) {sql}", params)
        steps = [row[0].strip(" ->") for row in cursor.fetchall()]
        hidden = ("Aggregate", "Filter:", "Recheck Cond:", "Index Cond:")
        shown = [s for s in steps if not s.startswith(hidden)]
        return " <- ".join(shown)
    cursor.execute(f"EXPLAIN {sql}", params)
    row = dict(zip([c[0] for c in cursor.description], cursor.fetchone(), strict=True))
    return f"type={row['type']}, key={row['key']}"  # ALL: full scan; ref: index lookup
# --8<-- [end:plan]


def best_time(run: Callable[[], object], repeat: int = 7) -> float:
    """The fastest of `repeat` runs of `run`, in seconds (the least disturbed by noise)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def load(conn: Any, engine: str, placeholder: str) -> None:
    """Create the table and insert ROWS small product documents."""
    cursor = conn.cursor()
    cursor.execute(TABLE[engine])
    docs = [{"sku": f"SKU-{n:05d}", "brand": f"brand-{n % BRANDS:02d}", "price": n % 500}
            for n in range(ROWS)]
    cursor.executemany(f"INSERT INTO products (id, doc) VALUES ({placeholder}, {placeholder})",
                       [(n, json.dumps(doc)) for n, doc in enumerate(docs)])
    conn.commit()


def analyze(conn: Any, engine: str) -> None:
    """Refresh the planner's statistics, so plans do not depend on chance."""
    cursor = conn.cursor()
    cursor.execute("ANALYZE TABLE products" if engine == "mariadb" else "ANALYZE products")
    if engine == "mariadb":
        cursor.fetchall()
    conn.commit()


def main() -> None:
    """Load 20,000 documents, then show plans and timings before and after indexing."""
    engine = db.current()
    name = engine.name
    with db.scratch() as conn:
        load(conn, name, engine.placeholder)
        cursor = conn.cursor()

        def lookup() -> int:
            cursor.execute(*sql_for(name, QUERIES[name][0]))
            return cursor.fetchone()[0]

        # --8<-- [start:compare]
        analyze(conn, name)
        print(f"{engine.label}: {ROWS} documents, {lookup()} of {BRAND}")
        print("before any index:")
        for where in QUERIES[name]:
            print(f"  {where:<32} {plan(cursor, name, where)}")
        before = best_time(lookup)

        for ddl in INDEXES[name]:  # one index at a time, plans after each
            cursor.execute(ddl)
            analyze(conn, name)
            print(f"after creating {ddl.split()[2]}:")
            for where in QUERIES[name]:
                print(f"  {where:<32} {plan(cursor, name, where)}")  # [mark:after]
        after = best_time(lookup)
        print(f"first query, index vs scan: {measured(before / after, unit='×', at_least=3)}"
              " faster")
        # --8<-- [end:compare]


if __name__ == "__main__":
    main()
