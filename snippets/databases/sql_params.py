"""Values go into SQL as parameters, never by string formatting: what breaks when they don't.

This module contains one DELIBERATELY VULNERABLE function, `find_by_name_vulnerable`, kept
to show the failure. It runs only against a throwaway in-memory database. Never copy it.
"""

from __future__ import annotations

import sqlite3

import psycopg
import pymysql

from labkit import db
from snippets.databases.sql_shop import create_shop, describe

VULNERABLE = ("find_by_name_vulnerable",)
"""Deliberately vulnerable functions in this module, for the attack demonstration only."""

SORTABLE = {"name": "name", "city": "city", "newest": "id DESC"}
"""The only ORDER BY clauses `list_customers` accepts, keyed by what a request may ask for."""


# --8<-- [start:vulnerable]
def find_by_name_vulnerable(conn: sqlite3.Connection, name: str) -> list[tuple[int, str]]:
    """DELIBERATELY VULNERABLE: pastes `name` into the SQL text. Never do this."""
    sql = f"SELECT id, name FROM customers WHERE name = '{name}'"  # [mark:format]
    return conn.execute(sql).fetchall()
# --8<-- [end:vulnerable]


# --8<-- [start:safe]
def find_by_name(conn: sqlite3.Connection, name: str) -> list[tuple[int, str]]:
    """Find customers by exact name; `name` travels separately from the SQL text."""
    sql = "SELECT id, name FROM customers WHERE name = ?"  # [mark:placeholder]
    return conn.execute(sql, (name,)).fetchall()
# --8<-- [end:safe]


# --8<-- [start:more]
def customers_in(conn: sqlite3.Connection, cities: list[str]) -> list[str]:
    """Names of customers living in any of `cities`: one placeholder per value."""
    if not cities:
        return []  # "IN ()" works on SQLite but is a syntax error on PostgreSQL and MariaDB
    marks = ", ".join("?" for _ in cities)  # "?, ?, ?": placeholders, never the values
    sql = f"SELECT name FROM customers WHERE city IN ({marks}) ORDER BY name"
    return [name for (name,) in conn.execute(sql, cities)]


def orders_between(conn: sqlite3.Connection, first: str, last: str) -> int:
    """How many orders were placed between two dates, with named parameters."""
    sql = "SELECT COUNT(*) FROM orders WHERE ordered_on BETWEEN :first AND :last"
    return conn.execute(sql, {"first": first, "last": last}).fetchone()[0]


def list_customers(conn: sqlite3.Connection, sort: str) -> list[str]:
    """Customer names sorted by `sort`, which must be a key of SORTABLE.

    A placeholder stands for a value, never for a column name or a keyword, so the
    ORDER BY clause is looked up in an allow-list instead.
    """
    if sort not in SORTABLE:
        raise ValueError(f"cannot sort by {sort!r}; choose one of {', '.join(SORTABLE)}")
    sql = f"SELECT name FROM customers ORDER BY {SORTABLE[sort]}"  # trusted text only
    return [name for (name,) in conn.execute(sql)]
# --8<-- [end:more]


def main() -> None:
    """Feed awkward and hostile names to both finders, then use the safe helpers."""
    with db.scratch() as conn:
        create_shop(conn)
        conn.execute("INSERT INTO customers VALUES (5, 'Aoife O''Brien', 'Cork')")
        # --8<-- [start:compare]
        for name in ("Ada", "Aoife O'Brien", "nobody' OR '1'='1"):
            print(f"name = {name!r}")
            try:
                print("  formatted: ", find_by_name_vulnerable(conn, name))
            except conn.Error as error:
                print("  formatted: ", describe(error))
            print("  parameter: ", find_by_name(conn, name))
        # --8<-- [end:compare]
        print()
        print("in London or Helsinki:", customers_in(conn, ["London", "Helsinki"]))
        print("orders 2024-03-02..03:", orders_between(conn, "2024-03-02", "2024-03-03"))
        print("sorted newest first:  ", list_customers(conn, "newest"))
        try:
            list_customers(conn, "name; DROP TABLE customers")
        except ValueError as error:
            print("sorted by a trick:    ", error)
        print()
        # --8<-- [start:paramstyle]
        for driver in (sqlite3, psycopg, pymysql):
            print(f"{driver.__name__:<8} paramstyle = {driver.paramstyle}")
        # --8<-- [end:paramstyle]


if __name__ == "__main__":
    main()
