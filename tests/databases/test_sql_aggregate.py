"""Mirrors snippets/databases/sql_aggregate.py: COUNT, HAVING and ungrouped columns."""

from __future__ import annotations

from typing import Any

import pytest

from labkit import db
from tests.support import require_server, rows

BARE = "SELECT customer_id, ordered_on, COUNT(*) FROM orders GROUP BY customer_id"






def test_count_star_counts_the_null_row_of_a_left_join(shop: Any) -> None:
    got = rows(shop, """SELECT c.name, COUNT(*), COUNT(o.id) FROM customers AS c
                        LEFT JOIN orders AS o ON o.customer_id = c.id
                        WHERE c.name = 'Margaret' GROUP BY c.id, c.name""")
    assert got == [("Margaret", 1, 0)]


def test_having_filters_groups_after_where_filtered_rows(shop: Any) -> None:
    got = rows(shop, """SELECT c.name FROM customers AS c JOIN orders AS o ON o.customer_id = c.id
                        WHERE o.ordered_on >= '2024-03-02' GROUP BY c.id, c.name
                        HAVING SUM(o.total_cents) > 1000 ORDER BY c.name""")
    assert got == [("Ada",), ("Grace",)]  # Grace's 12000 order is before the WHERE date


def test_ungrouped_column_refused_only_by_postgresql(shop: Any) -> None:
    if db.current().name == "postgresql":
        import psycopg

        with pytest.raises(psycopg.errors.GroupingError):
            rows(shop, BARE)
    else:
        assert len(rows(shop, BARE)) == 4  # accepted: some row's date per group


def test_postgresql_accepts_columns_that_depend_on_the_grouped_primary_key() -> None:
    require_server("postgresql")
    with db.scratch(db.ENGINES["postgresql"]) as conn:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')")
        got = conn.execute("SELECT id, name, COUNT(*) FROM t GROUP BY id ORDER BY id").fetchall()
    assert got == [(1, "a", 1), (2, "b", 1)]


def test_mariadb_refuses_it_once_only_full_group_by_is_on() -> None:
    require_server("mariadb")
    import pymysql

    with db.scratch(db.ENGINES["mariadb"]) as conn:
        cursor = conn.cursor()
        cursor.execute("SELECT @@sql_mode")
        assert "ONLY_FULL_GROUP_BY" not in cursor.fetchone()[0]  # not in 10.11's default
        cursor.execute("CREATE TABLE orders (customer_id INT, ordered_on DATE)")
        cursor.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ONLY_FULL_GROUP_BY')")
        with pytest.raises(pymysql.err.OperationalError) as caught:
            cursor.execute("SELECT customer_id, ordered_on FROM orders GROUP BY customer_id")
        assert caught.value.args[0] == 1055
