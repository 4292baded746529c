"""Mirrors snippets/databases/nosql_json_index.py: which query shapes each JSON index serves."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from labkit import db
from snippets.databases import nosql_json_index as ji
from tests.support import require_server

pytestmark = pytest.mark.xdist_group("nosql_json_index")

SCAN = {"sqlite": "SCAN products", "postgresql": "Seq Scan", "mariadb": "type=ALL"}


@pytest.fixture(scope="module")
def products(module_engine: str) -> Iterator[tuple[str, Any]]:
    """The documents loaded on one engine, with LAB_ENGINE pointing at it."""
    engine = module_engine
    with db.scratch() as conn:
        ji.load(conn, engine, db.current().placeholder)
        ji.analyze(conn, engine)
        yield engine, conn


def test_index_served_queries(products: tuple[str, Any]) -> None:
    engine, conn = products
    cursor = conn.cursor()
    first, lookalike = ji.QUERIES[engine]
    assert SCAN[engine] in ji.plan(cursor, engine, first)
    cursor.execute(ji.INDEXES[engine][0])
    ji.analyze(conn, engine)
    assert SCAN[engine] not in ji.plan(cursor, engine, first)
    assert "products_" in ji.plan(cursor, engine, first)
    # The same question written another way does not match the index.
    assert SCAN[engine] in ji.plan(cursor, engine, lookalike)
    if engine == "postgresql":  # ...until it gets an index of its own
        cursor.execute(ji.INDEXES[engine][1])
        ji.analyze(conn, engine)
        assert "products_brand" in ji.plan(cursor, engine, lookalike)
    cursor.execute(*ji.sql_for(engine, first))
    assert cursor.fetchone()[0] == ji.ROWS // ji.BRANDS


def test_gin_serves_containment_of_nested_values() -> None:
    """A jsonb_path_ops GIN index also answers @> on values deeper in the document."""
    require_server("postgresql")
    with db.scratch(db.ENGINES["postgresql"]) as conn:
        conn.execute("CREATE TABLE t (id int PRIMARY KEY, doc jsonb NOT NULL)")
        conn.execute("INSERT INTO t SELECT g, jsonb_build_object('attrs',"
                     " jsonb_build_object('colour', 'c' || g % 100))"
                     " FROM generate_series(1, 20000) g")
        conn.execute("CREATE INDEX t_doc ON t USING GIN (doc jsonb_path_ops)")
        conn.execute("ANALYZE t")
        query = """SELECT id FROM t WHERE doc @> '{"attrs": {"colour": "c7"}}'"""
        plan = " ".join(r[0] for r in conn.execute(f"EXPLAIN (COSTS OFF) {query}"))
        assert "Bitmap Index Scan on t_doc" in plan


def test_mariadb_cannot_index_an_expression_directly() -> None:
    """MariaDB 10.11 has no expression indexes: that is why the snippet uses a generated column."""
    require_server("mariadb")
    import pymysql

    with db.scratch(db.ENGINES["mariadb"]) as conn:
        cursor = conn.cursor()
        cursor.execute("CREATE TABLE t (id INT PRIMARY KEY, doc JSON NOT NULL)")
        with pytest.raises(pymysql.err.ProgrammingError):
            cursor.execute("CREATE INDEX t_brand ON t ((JSON_VALUE(doc, '$.brand')))")
