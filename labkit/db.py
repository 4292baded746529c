"""Pick the database engine a snippet runs on, from environment variables.

Database snippets run on SQLite by default, so they work on a bare machine. Set
`LAB_ENGINE` to `postgresql` or `mariadb` to run the same snippet on a real server;
the connection settings come from `LAB_POSTGRES_URL`, `LAB_MARIADB_URL` and
`LAB_REDIS_URL` (defaults: the servers on 127.0.0.1 described in the README).
"""

from __future__ import annotations

import os
import secrets
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

ENGINE_ENV = "LAB_ENGINE"


@dataclass(frozen=True)
class Engine:
    """A database engine a snippet can run on."""

    name: str
    label: str
    url_env: str
    default_url: str
    placeholder: str
    """How a query writes a parameter: `?` (sqlite3) or `%s` (psycopg, PyMySQL)."""

    @property
    def url(self) -> str:
        """The connection URL, from the environment or the default."""
        return os.environ.get(self.url_env) or self.default_url


ENGINES: dict[str, Engine] = {
    "sqlite": Engine("sqlite", "SQLite", "LAB_SQLITE_PATH", ":memory:", "?"),
    "postgresql": Engine(
        "postgresql", "PostgreSQL", "LAB_POSTGRES_URL",
        "postgresql://postgres@127.0.0.1:5432/test", "%s",
    ),
    "mariadb": Engine(
        "mariadb", "MariaDB", "LAB_MARIADB_URL", "mysql://root@127.0.0.1:3306/test", "%s"
    ),
    "redis": Engine("redis", "Redis", "LAB_REDIS_URL", "redis://127.0.0.1:6379/0", ""),
}


def current() -> Engine:
    """The engine chosen by `LAB_ENGINE` (SQLite when unset)."""
    name = os.environ.get(ENGINE_ENV, "sqlite")
    if name not in ENGINES:
        raise ValueError(f"{ENGINE_ENV}={name!r}: choose one of {', '.join(ENGINES)}")
    return ENGINES[name]


def reachable(engine: Engine, timeout: float = 1.0) -> str | None:
    """Return `None` if the engine's server accepts connections, else the reason it does not."""
    if engine.name == "sqlite":
        return None
    parts = urlsplit(engine.url)
    host, port = parts.hostname or "127.0.0.1", parts.port
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return None
    except OSError as error:
        return f"{engine.label} is not reachable at {host}:{port} ({error.strerror or error})"


@contextmanager
def scratch(engine: Engine | None = None) -> Iterator[Any]:
    """Yield a DB-API connection to a throwaway database, removed afterwards.

    On SQLite it is an in-memory database; on PostgreSQL a fresh schema; on MariaDB
    a fresh database. Snippets can then create tables freely, even in parallel.
    """
    engine = engine or current()
    scratch_name = f"lab_{secrets.token_hex(4)}"
    if engine.name == "sqlite":
        conn = sqlite3.connect(engine.url)
        try:
            yield conn
        finally:
            conn.close()
    elif engine.name == "postgresql":
        import psycopg

        conn = psycopg.connect(engine.url)
        try:
            conn.execute(f"CREATE SCHEMA {scratch_name}")
            conn.execute(f"SET search_path TO {scratch_name}")
            conn.commit()
            yield conn
        finally:
            conn.rollback()
            conn.execute(f"DROP SCHEMA {scratch_name} CASCADE")
            conn.commit()
            conn.close()
    elif engine.name == "mariadb":
        import pymysql

        parts = urlsplit(engine.url)
        conn = pymysql.connect(
            host=parts.hostname, port=parts.port or 3306, user=parts.username or "root",
            password=parts.password or "", autocommit=False,
        )
        try:
            with conn.cursor() as cursor:
                cursor.execute(f"CREATE DATABASE {scratch_name}")
                cursor.execute(f"USE {scratch_name}")
            yield conn
        finally:
            conn.rollback()
            with conn.cursor() as cursor:
                cursor.execute(f"DROP DATABASE {scratch_name}")
            conn.close()
    else:
        raise ValueError(f"{engine.label} is not a SQL database; use redis_client()")


def redis_client() -> Any:
    """A Redis client for the server at `LAB_REDIS_URL`."""
    import redis

    return redis.Redis.from_url(ENGINES["redis"].url, decode_responses=True)
