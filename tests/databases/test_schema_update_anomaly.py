"""Mirrors snippets/databases/schema_update_anomaly.py: the anomaly happens flat, not normalized."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from labkit import db
from snippets.databases import schema_update_anomaly as s


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    with db.scratch(db.ENGINES["sqlite"]) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(s.FLAT_SCHEMA)
        connection.executemany("INSERT INTO order_lines_flat VALUES"
                               " (?, ?, ?, ?, ?, ?, ?, ?, ?)", s.FLAT_ROWS)
        connection.executescript(s.NORMALIZED_SCHEMA + s.SPLIT_FLAT_ROWS)
        yield connection


def test_decomposition_is_lossless(conn: sqlite3.Connection) -> None:
    assert sorted(conn.execute(s.JOIN_BACK).fetchall()) == sorted(s.FLAT_ROWS)
    assert conn.execute("SELECT COUNT(*) FROM customers").fetchone()[0] == 2


def test_update_anomaly_happens_in_the_flat_table(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE order_lines_flat SET customer_city = 'Leeds' WHERE order_id = 2")
    assert s.flat_cities(conn, "ada@example.com") == ["Leeds", "London"]


def test_normalized_tables_hold_one_city(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE customers SET city = 'Leeds' WHERE email = 'ada@example.com'")
    assert s.normalized_cities(conn, "ada@example.com") == ["Leeds"]
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO customers (email, name, city)"
                     " VALUES ('ada@example.com', 'Ada', 'London')")


def test_deletion_and_insertion_anomalies(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM order_lines_flat WHERE order_id = 3")
    flat = "SELECT COUNT(*) FROM order_lines_flat WHERE sku = 'BK-12'"
    assert conn.execute(flat).fetchone()[0] == 0
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO order_lines_flat (sku, product_name, unit_price_cents,"
                     " quantity) VALUES ('PEN-7', 'Pen', 250, 1)")
    conn.execute("DELETE FROM order_lines WHERE order_id = 3")
    conn.execute("DELETE FROM orders WHERE id = 3")
    assert conn.execute("SELECT name FROM products WHERE sku = 'BK-12'").fetchone() == ("Emma",)
