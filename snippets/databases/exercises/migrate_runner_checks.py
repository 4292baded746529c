"""Hidden checks for the migrate_runner exercise."""

from __future__ import annotations

import sqlite3
from types import ModuleType
from typing import Any


def _connect() -> sqlite3.Connection:
    return sqlite3.connect(":memory:", isolation_level=None)


def _migrations(module: ModuleType) -> list[Any]:
    make = module.Migration
    return [
        make("0001", ("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)",),
             ("DROP TABLE users",)),
        make("0002", ("CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER)",
                      "CREATE INDEX orders_user ON orders (user_id)"),
             ("DROP INDEX orders_user", "DROP TABLE orders")),
    ]


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'").fetchall()
    return {name for (name,) in rows} - {"schema_version"}


def check_fresh_database(module: ModuleType) -> None:
    """A database no migration has touched has no current version."""
    got = module.current_version(_connect())
    assert got is None, f"current_version() on an empty database returned {got!r}, not None"


def check_upgrade_applies_in_order(module: ModuleType) -> None:
    """upgrade() applies every migration in order and records the last one."""
    conn = _connect()
    applied = module.upgrade(conn, _migrations(module))
    assert applied == ["0001", "0002"], f"upgrade() returned {applied!r}, not ['0001', '0002']"
    assert _tables(conn) == {"users", "orders"}, f"tables after upgrade: {_tables(conn)}"
    got = module.current_version(conn)
    assert got == "0002", f"current_version() after upgrade is {got!r}, not '0002'"


def check_upgrade_twice(module: ModuleType) -> None:
    """A second upgrade() with nothing pending applies nothing; a new migration is picked up."""
    conn = _connect()
    migrations = _migrations(module)
    module.upgrade(conn, migrations)
    again = module.upgrade(conn, migrations)
    assert again == [], f"a second upgrade() returned {again!r}; nothing was pending"
    migrations.append(module.Migration(
        "0003", ("ALTER TABLE users ADD COLUMN name TEXT",),
        ("ALTER TABLE users DROP COLUMN name",)))
    new = module.upgrade(conn, migrations)
    assert new == ["0003"], f"upgrade() with one new migration returned {new!r}, not ['0003']"
    assert module.current_version(conn) == "0003", "the version was not moved to '0003'"


def check_failed_migration_leaves_no_trace(module: ModuleType) -> None:
    """A migration whose second statement fails leaves neither its first change nor a version."""
    conn = _connect()
    migrations = _migrations(module)
    module.upgrade(conn, migrations[:1])
    broken = module.Migration(
        "0002", ("CREATE TABLE orders (id INTEGER PRIMARY KEY)", "CREATE TABLE orders (x)"),
        ("DROP TABLE orders",))
    try:
        module.upgrade(conn, [migrations[0], broken])
    except sqlite3.Error:
        pass
    else:
        raise AssertionError("upgrade() swallowed the error of a failing migration")
    assert "orders" not in _tables(conn), (
        "the failed migration's first statement stayed: run each migration inside "
        "BEGIN ... COMMIT and ROLLBACK on error")
    got = module.current_version(conn)
    assert got == "0001", f"after a failed migration the version is {got!r}, not '0001'"


def check_downgrade(module: ModuleType) -> None:
    """downgrade() undoes newest first: to '0001', then all the way to None."""
    conn = _connect()
    migrations = _migrations(module)
    module.upgrade(conn, migrations)
    undone = module.downgrade(conn, migrations, "0001")
    assert undone == ["0002"], f"downgrade(..., '0001') returned {undone!r}, not ['0002']"
    assert _tables(conn) == {"users"}, f"tables after downgrade to 0001: {_tables(conn)}"
    assert module.current_version(conn) == "0001", "the version is not '0001' after downgrade"
    module.upgrade(conn, migrations)
    undone = module.downgrade(conn, migrations, None)
    assert undone == ["0002", "0001"], f"downgrade(..., None) returned {undone!r}"
    assert _tables(conn) == set(), f"tables left after downgrading everything: {_tables(conn)}"
    assert module.current_version(conn) is None, "after undoing everything the version is None"
