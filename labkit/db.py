"""Pick the database engine a snippet runs on, from environment variables.

Database snippets run on SQLite by default, so they work on a bare machine. Set
`LAB_ENGINE` to `postgresql` or `mariadb` to run the same snippet on a real server;
the connection settings come from `LAB_POSTGRES_URL`, `LAB_MARIADB_URL` and
`LAB_REDIS_URL` (defaults: the servers on 127.0.0.1 described in the README).

Snippets work in a throwaway space, removed when they finish, so they can create
tables freely and run side by side:

```python
with db.scratch() as conn:            # one DB-API connection
    ...
with db.scratch_space() as space:     # as many connections as you need
    first, second = space.connect(), space.connect()
    engine = sqlalchemy.create_engine(space.sqlalchemy_url)
with db.redis_scratch() as space:     # Redis, with a key prefix of its own
    space.client.set(space.key("greeting"), "hello", ex=60)
```
"""

from __future__ import annotations

import os
import secrets
import socket
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

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
    "sqlite": Engine("sqlite", "SQLite", "LAB_SQLITE_PATH", "", "?"),
    "postgresql": Engine(
        "postgresql", "PostgreSQL", "LAB_POSTGRES_URL",
        "postgresql://postgres@127.0.0.1:5432/test", "%s",
    ),
    "mariadb": Engine(
        "mariadb", "MariaDB", "LAB_MARIADB_URL", "mysql://root@127.0.0.1:3306/test", "%s"
    ),
    "redis": Engine("redis", "Redis", "LAB_REDIS_URL", "redis://127.0.0.1:6379/0", ""),
}


class ServerUnreachable(SystemExit):
    """Raised, as one clear line instead of a traceback, when a server is not there."""


def current() -> Engine:
    """The engine chosen by `LAB_ENGINE` (SQLite when unset)."""
    name = os.environ.get(ENGINE_ENV, "sqlite")
    if name not in ENGINES:
        raise SystemExit(f"{ENGINE_ENV}={name!r}: choose one of {', '.join(ENGINES)}")
    return ENGINES[name]


@contextmanager
def use(name: str) -> Iterator[Engine]:
    """Make `current()` return the engine `name` for the duration (handy in tests)."""
    before = os.environ.get(ENGINE_ENV)
    os.environ[ENGINE_ENV] = name
    try:
        yield current()
    finally:
        if before is None:
            os.environ.pop(ENGINE_ENV, None)
        else:
            os.environ[ENGINE_ENV] = before


def reachable(engine: Engine, timeout: float = 1.0) -> str | None:
    """Return `None` if the engine's server accepts connections, else why it does not."""
    if engine.name == "sqlite":
        return None
    parts = urlsplit(engine.url)
    host, port = parts.hostname or "127.0.0.1", parts.port
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return None
    except OSError:
        return f"{engine.label} not reachable at {host}:{port}; set {engine.url_env}"


def require(engine: Engine) -> None:
    """Stop with one clear line if the engine's server is not reachable."""
    reason = reachable(engine)
    if reason:
        raise ServerUnreachable(reason)


@dataclass
class Scratch:
    """A throwaway database space: a SQLite file, a PostgreSQL schema or a MariaDB database."""

    engine: Engine
    name: str
    path: Path | None = None
    opened: list[Any] = field(default_factory=list)

    def connect(self) -> Any:
        """A new DB-API connection into the space (call it again for a second session)."""
        if self.engine.name == "sqlite":
            conn = sqlite3.connect(self.path)  # type: ignore[arg-type]
        elif self.engine.name == "postgresql":
            import psycopg

            conn = psycopg.connect(self.engine.url, options=f"-c search_path={self.name}")
        else:
            import pymysql

            parts = urlsplit(self.engine.url)
            conn = pymysql.connect(
                host=parts.hostname, port=parts.port or 3306, user=parts.username or "root",
                password=parts.password or "", database=self.name,
            )
        self.opened.append(conn)
        return conn

    def close_all(self) -> None:
        """Close every connection `connect()` opened, so nothing holds a lock on the space."""
        for conn in self.opened:
            with suppress(Exception):
                conn.close()
        self.opened.clear()

    @property
    def sqlalchemy_url(self) -> str:
        """The same space as a SQLAlchemy URL."""
        if self.engine.name == "sqlite":
            return f"sqlite+pysqlite:///{self.path}"
        parts = urlsplit(self.engine.url)
        if self.engine.name == "postgresql":
            options = quote(f"-c search_path={self.name}")
            return f"postgresql+psycopg://{parts.netloc}{parts.path}?options={options}"
        return f"mysql+pymysql://{parts.netloc}/{self.name}"


def _admin(engine: Engine, statement: str) -> None:
    if engine.name == "postgresql":
        import psycopg

        with psycopg.connect(engine.url, autocommit=True) as conn:
            conn.execute("SET lock_timeout = '10s'")
            conn.execute(statement)
    else:
        import pymysql

        parts = urlsplit(engine.url)
        conn = pymysql.connect(host=parts.hostname, port=parts.port or 3306,
                               user=parts.username or "root", password=parts.password or "")
        try:
            with conn.cursor() as cursor:
                cursor.execute("SET SESSION lock_wait_timeout = 10")
                cursor.execute(statement)
        finally:
            conn.close()


@contextmanager
def scratch_space(engine: Engine | None = None) -> Iterator[Scratch]:
    """Create a throwaway space on `engine` (default: `LAB_ENGINE`) and remove it afterwards."""
    engine = engine or current()
    if engine.name == "redis":
        raise ValueError("Redis is not a SQL database; use redis_client()")
    require(engine)
    name = f"lab_{secrets.token_hex(4)}"
    if engine.name == "sqlite":
        with tempfile.TemporaryDirectory(prefix="lab-sqlite-") as folder:
            space = Scratch(engine, name, Path(folder) / f"{name}.db")
            try:
                yield space
            finally:
                space.close_all()
        return
    kind = "SCHEMA" if engine.name == "postgresql" else "DATABASE"
    _admin(engine, f"CREATE {kind} {name}")
    space = Scratch(engine, name)
    try:
        yield space
    finally:
        space.close_all()  # an open transaction would make the DROP wait for its locks
        _admin(engine, f"DROP {kind} {name}" + (" CASCADE" if kind == "SCHEMA" else ""))


@contextmanager
def scratch(engine: Engine | None = None) -> Iterator[Any]:
    """Yield one DB-API connection to a throwaway space, removed afterwards."""
    with scratch_space(engine) as space:
        conn = space.connect()
        try:
            yield conn
        finally:
            conn.close()


def redis_client() -> Any:
    """A Redis client for the server at `LAB_REDIS_URL` (one clear line if it is not there)."""
    import redis

    engine = ENGINES["redis"]
    require(engine)
    return redis.Redis.from_url(engine.url, decode_responses=True)


@dataclass
class RedisSpace:
    """A Redis client plus a key prefix of its own, so runs never share keys."""

    client: Any
    prefix: str

    def key(self, name: str) -> str:
        """The real key for `name` in this space, e.g. `lab:1a2b3c4d:user:42`."""
        return f"{self.prefix}{name}"


@contextmanager
def redis_scratch() -> Iterator[RedisSpace]:
    """A Redis client and a private key prefix; every key under it is deleted afterwards."""
    client = redis_client()
    space = RedisSpace(client, f"lab:{secrets.token_hex(4)}:")
    try:
        yield space
    finally:
        leftovers = list(client.scan_iter(match=f"{space.prefix}*"))
        if leftovers:
            client.delete(*leftovers)
        client.close()
