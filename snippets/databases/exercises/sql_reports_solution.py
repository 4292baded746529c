"""Reference solution: four reports on the shop."""

import sqlite3


def order_counts(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Each customer's name and number of orders (0 for none), sorted by name."""
    sql = """SELECT c.name, COUNT(o.id)
             FROM customers AS c
             LEFT JOIN orders AS o ON o.customer_id = c.id
             GROUP BY c.id, c.name
             ORDER BY c.name, c.id"""
    return [(name, count) for name, count in conn.execute(sql)]


def find_customer(conn: sqlite3.Connection, name: str) -> list[int]:
    """Ids of the customers named exactly `name`, smallest first."""
    sql = "SELECT id FROM customers WHERE name = ? ORDER BY id"
    return [customer_id for (customer_id,) in conn.execute(sql, (name,))]


def latest_orders(conn: sqlite3.Connection) -> dict[int, int]:
    """Customer id -> id of their most recent order (ties: larger id); no guests."""
    sql = """WITH ranked AS (
                 SELECT customer_id, id,
                        ROW_NUMBER() OVER (PARTITION BY customer_id
                                           ORDER BY ordered_on DESC, id DESC) AS n
                 FROM orders
                 WHERE customer_id IS NOT NULL)
             SELECT customer_id, id FROM ranked WHERE n = 1"""
    return dict(conn.execute(sql).fetchall())


def descendants(conn: sqlite3.Connection, category_id: int) -> list[int]:
    """Ids of `category_id` and every category below it, smallest first."""
    sql = """WITH RECURSIVE below (id) AS (
                 SELECT id FROM categories WHERE id = ?
                 UNION ALL
                 SELECT c.id FROM categories AS c JOIN below ON c.parent_id = below.id)
             SELECT id FROM below ORDER BY id"""
    return [found for (found,) in conn.execute(sql, (category_id,))]
