"""SQLite has no users or GRANT: the closest things are a read-only connection and an authorizer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from labkit import db
from snippets.security.authz_app.database import run
from snippets.security.authz_db_roles import SETUP, STATEMENTS

DEPENDS = ("authz_app/", "authz_db_roles.py")
VULNERABLE = ("connect_vulnerable",)


def connect_vulnerable(path: Path) -> sqlite3.Connection:
    """DELIBERATELY VULNERABLE: a read-write connection for code that only needs to read."""
    return sqlite3.connect(path, isolation_level=None)


# --8<-- [start:readonly]
def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open the file read-only: every write fails, whatever SQL reaches the connection."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)  # [mark:ro]
# --8<-- [end:readonly]


# --8<-- [start:authorizer]
ALLOWED = {
    (sqlite3.SQLITE_SELECT, None),
    (sqlite3.SQLITE_READ, "invoices"),
    (sqlite3.SQLITE_INSERT, "invoices"),
}


def only_invoices(action: int, table: str | None, column: str | None, database: str | None,
                  trigger: str | None) -> int:
    """Authorizer: SELECT and INSERT on invoices; everything else is denied (deny by default)."""
    return sqlite3.SQLITE_OK if (action, table) in ALLOWED else sqlite3.SQLITE_DENY


def connect_app(path: Path) -> sqlite3.Connection:
    """A read-write connection that asks `only_invoices` before compiling each statement."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.set_authorizer(only_invoices)  # [mark:authorizer]
    return conn
# --8<-- [end:authorizer]


def attempt(conn: sqlite3.Connection) -> None:
    """Run the same statements as on the servers, one outcome each."""
    for sql in STATEMENTS:
        print(f"  {sql}\n      {run(conn, sql)}")


def main() -> None:
    """The same statements through three connections to fresh copies of the same data."""
    openers = [("read-write connection", connect_vulnerable),
               ("read-only connection, mode=ro", connect_read_only),
               ("authorizer: SELECT, INSERT on invoices", connect_app)]
    for label, opener in openers:
        with db.scratch_space(db.ENGINES["sqlite"]) as space:
            setup = space.connect()
            for statement in SETUP:
                setup.execute(statement)
            setup.commit()
            print(f"SQLite {sqlite3.sqlite_version}, {label}:")
            conn = opener(space.path)
            try:
                attempt(conn)
            finally:
                conn.close()


if __name__ == "__main__":
    main()
