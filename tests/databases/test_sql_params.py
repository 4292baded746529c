"""Mirrors snippets/databases/sql_params.py: the injection works on the vulnerable finder only."""

from __future__ import annotations

import sqlite3

import pytest

from labkit import db
from snippets.databases.sql_params import (
    customers_in,
    find_by_name,
    find_by_name_vulnerable,
    list_customers,
    orders_between,
)
from snippets.databases.sql_shop import create_shop
from tests.support import require_server

ATTACK = "nobody' OR '1'='1"


@pytest.fixture
def conn() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    create_shop(connection)
    connection.execute("INSERT INTO customers VALUES (5, 'Aoife O''Brien', 'Cork')")
    return connection


def test_attack_returns_every_customer_from_the_vulnerable_finder(
    conn: sqlite3.Connection,
) -> None:
    assert len(find_by_name_vulnerable(conn, ATTACK)) == 5


def test_attack_matches_nothing_with_a_parameter(conn: sqlite3.Connection) -> None:
    assert find_by_name(conn, ATTACK) == []


def test_a_quote_breaks_the_vulnerable_finder_only(conn: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.OperationalError):
        find_by_name_vulnerable(conn, "Aoife O'Brien")
    assert find_by_name(conn, "Aoife O'Brien") == [(5, "Aoife O'Brien")]


def test_helpers(conn: sqlite3.Connection) -> None:
    assert customers_in(conn, ["London", "Helsinki"]) == ["Ada", "Linus"]
    assert customers_in(conn, []) == []
    assert orders_between(conn, "2024-03-02", "2024-03-03") == 3
    assert list_customers(conn, "name")[0] == "Ada"
    with pytest.raises(ValueError):
        list_customers(conn, "name; DROP TABLE customers")
    assert conn.execute("SELECT COUNT(*) FROM customers").fetchone()[0] == 5


@pytest.mark.parametrize("engine", ["postgresql", "mariadb"])
def test_an_empty_in_list_is_a_syntax_error_on_the_servers(engine: str) -> None:
    require_server(engine)
    with db.scratch(db.ENGINES[engine]) as conn:
        cursor = conn.cursor()
        with pytest.raises(conn.Error):
            cursor.execute("SELECT 1 WHERE 1 IN ()")


def test_pymysql_escapes_on_the_client() -> None:
    """PyMySQL builds the final SQL text itself, with the value escaped."""
    require_server("mariadb")
    with db.scratch(db.ENGINES["mariadb"]) as conn, conn.cursor() as cursor:
        assert cursor.mogrify("SELECT %s", ("O'Brien",)) == "SELECT 'O\\'Brien'"
