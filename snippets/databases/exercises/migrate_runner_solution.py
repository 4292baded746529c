"""Reference solution: a tiny migration runner with a one-row version table."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One step of the schema: SQL statements to apply it and to undo it."""

    id: str
    up: tuple[str, ...]
    down: tuple[str, ...]


def current_version(conn: sqlite3.Connection) -> str | None:
    """The id of the last applied migration, or None."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return None
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    return row[0] if row else None


def _run(conn: sqlite3.Connection, statements: tuple[str, ...], version: str | None) -> None:
    """Run statements and record `version`, all in one transaction."""
    conn.execute("BEGIN")
    try:
        for statement in statements:
            conn.execute(statement)
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version TEXT NOT NULL)")
        conn.execute("DELETE FROM schema_version")
        if version is not None:
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _position(migrations: list[Migration], version: str | None) -> int:
    """How many migrations are applied when `version` is current."""
    if version is None:
        return 0
    ids = [m.id for m in migrations]
    if version not in ids:
        raise ValueError(f"unknown migration {version!r}")
    return ids.index(version) + 1


def upgrade(conn: sqlite3.Connection, migrations: list[Migration]) -> list[str]:
    """Apply every pending migration, each in its own transaction; return their ids."""
    applied = []
    for migration in migrations[_position(migrations, current_version(conn)):]:
        _run(conn, migration.up, migration.id)
        applied.append(migration.id)
    return applied


def downgrade(
    conn: sqlite3.Connection, migrations: list[Migration], target: str | None
) -> list[str]:
    """Undo applied migrations, newest first, until `target` is current; return their ids."""
    stop = _position(migrations, target)
    undone = []
    for index in range(_position(migrations, current_version(conn)) - 1, stop - 1, -1):
        previous = migrations[index - 1].id if index > 0 else None
        _run(conn, migrations[index].down, previous)
        undone.append(migrations[index].id)
    return undone
