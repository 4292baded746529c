"""Mirrors snippets/databases/sql_cte.py: recursive CTEs, their types and their limits."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from labkit import db
from snippets.databases.sql_cte import GLUE
from tests.support import require_server, rows


def tree_sql(anchor: str, step: str) -> str:
    return f"""WITH RECURSIVE tree (id, path) AS (
                   SELECT id, {anchor} FROM categories WHERE parent_id IS NULL
                   UNION ALL
                   SELECT c.id, {step} FROM categories AS c JOIN tree ON c.parent_id = tree.id)
               SELECT path FROM tree ORDER BY path"""


def test_paths_with_casts_work_everywhere(shop: Any) -> None:
    glue = GLUE[db.current().name]
    got = rows(shop, tree_sql("CAST(name AS VARCHAR(200))", f"CAST({glue} AS VARCHAR(200))"))
    assert ("Electronics > Computers > Laptops",) in got
    assert len(got) == 7


def test_uncast_anchor_postgresql_refuses_the_type_mismatch() -> None:
    require_server("postgresql")
    import psycopg

    with db.scratch(db.ENGINES["postgresql"]) as conn:
        conn.execute("CREATE TABLE categories (id INT, name VARCHAR(50), parent_id INT)")
        with pytest.raises(psycopg.errors.DatatypeMismatch):
            conn.execute(tree_sql("name", GLUE["postgresql"]))


def test_uncast_anchor_mariadb_refuses_a_path_longer_than_the_anchor_column() -> None:
    require_server("mariadb")
    with db.scratch(db.ENGINES["mariadb"]) as conn, conn.cursor() as cursor:
        cursor.execute("CREATE TABLE categories (id INT, name VARCHAR(50), parent_id INT)")
        long_name = "x" * 30
        cursor.executemany("INSERT INTO categories VALUES (%s, %s, %s)",
                           [(1, long_name, None), (2, long_name, 1)])
        with pytest.raises(conn.Error) as caught:
            cursor.execute(tree_sql("name", GLUE["mariadb"]))
        assert caught.value.args[0] == 1406  # Data too long for column 'path'


def test_recursion_limit(shop: Any) -> None:
    sql = """WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
             SELECT COUNT(*) FROM n"""
    (count,) = rows(shop, sql)[0]
    if db.current().name == "mariadb":
        assert count == 1001  # max_recursive_iterations = 1000 by default since 10.6
        cursor = shop.cursor()
        cursor.execute("SHOW WARNINGS")
        assert [code for _, code, _ in cursor.fetchall()] == [1931]
    else:
        assert count == 5000


def test_a_depth_guard_stops_a_cycle() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE categories (id INTEGER PRIMARY KEY, parent_id INTEGER)")
    conn.executemany("INSERT INTO categories VALUES (?, ?)", [(1, 2), (2, 1)])  # a cycle
    got = conn.execute("""WITH RECURSIVE below (id, depth) AS (
                              SELECT 1, 0
                              UNION ALL
                              SELECT c.id, below.depth + 1 FROM categories AS c
                              JOIN below ON c.parent_id = below.id
                              WHERE below.depth < 10)
                          SELECT COUNT(*) FROM below""").fetchone()[0]
    assert got == 11
