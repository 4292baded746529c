"""Write a tiny migration runner.

Alembic's core idea fits in a page: an ordered list of migrations, each with an
`up` and a `down`, and a one-row table that records which one the database is at.
Write it for SQLite with the standard library's `sqlite3`.

- `current_version(conn)` returns the id stored in the table `schema_version`, or
  `None` when that table does not exist yet or holds no row.
- `upgrade(conn, migrations)` applies, in list order, every migration after the current
  one and returns their ids. Running it again when nothing is pending returns `[]`.
  Each migration runs in a transaction of its own, together with the update of
  `schema_version`: if one of its statements fails, none of its changes stay, the
  version stays where it was, and the error propagates.
- `downgrade(conn, migrations, target)` runs the `down` statements of the applied
  migrations, newest first, until `target` is current (`None`: undo them all), and
  returns the ids it undid.

`conn` is opened with `isolation_level=None`, so sqlite3 starts no transaction by
itself: send `BEGIN`, `COMMIT` and `ROLLBACK` yourself. SQLite runs `CREATE TABLE` and
`DROP TABLE` inside transactions like any other statement.
"""

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
    raise NotImplementedError("write current_version")


def upgrade(conn: sqlite3.Connection, migrations: list[Migration]) -> list[str]:
    """Apply every pending migration, each in its own transaction; return their ids."""
    raise NotImplementedError("write upgrade")


def downgrade(
    conn: sqlite3.Connection, migrations: list[Migration], target: str | None
) -> list[str]:
    """Undo applied migrations, newest first, until `target` is current; return their ids."""
    raise NotImplementedError("write downgrade")
