"""Database helpers for the least-privilege demos: log in as another role, report errors."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from labkit.db import Scratch


def owner_connection(space: Scratch) -> Any:
    """An autocommit connection as the account that created `space`: it may do anything."""
    conn = space.connect()
    if space.engine.name == "postgresql":
        conn.autocommit = True
    else:
        conn.autocommit(True)
    return conn


def connect_as(space: Scratch, user: str) -> Any:
    """An autocommit DB-API connection into `space`, logged in as `user` (no password here)."""
    parts = urlsplit(space.engine.url)
    if space.engine.name == "postgresql":
        import psycopg

        return psycopg.connect(space.engine.url, user=user, autocommit=True,
                               options=f"-c search_path={space.name}")
    import pymysql

    return pymysql.connect(host=parts.hostname, port=parts.port or 3306, user=user,
                           database=space.name, autocommit=True)


def describe(error: Exception) -> str:
    """The driver's error class and the server's own message (first line), code included."""
    if type(error).__module__.startswith("psycopg"):
        return f"{type(error).__name__} [SQLSTATE {error.sqlstate}] {str(error).splitlines()[0]}"
    if type(error).__module__.startswith("pymysql"):
        code, message = error.args[:2]  # (server error number, message)
        return f"{type(error).__name__} [error {code}] {message}"
    return f"{type(error).__name__}: {error}"  # sqlite3


def run(conn: Any, sql: str) -> str:
    """Run one statement; say what came back, or the error the server raised."""
    cursor = conn.cursor()
    try:
        cursor.execute(sql)
    except Exception as error:  # the point is to show the server's refusal
        return "refused: " + describe(error)
    rows = cursor.fetchall() if cursor.description else None
    return f"ok, rows: {[tuple(row) for row in rows]}" if rows is not None else "ok"
