"""Five schema changes on SQLite, PostgreSQL and MariaDB, then Alembic's batch mode for SQLite."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")

CREATE = "CREATE TABLE {name} (id INTEGER PRIMARY KEY, email VARCHAR(255))"


def create_users(engine: sa.Engine, name: str) -> None:
    """Create a small users table with two rows."""
    with engine.begin() as conn:
        conn.execute(sa.text(CREATE.format(name=name)))
        conn.execute(sa.text(f"INSERT INTO {name} (id, email) VALUES (1, 'a@x.io'), (2, 'b@x.io')"))


# --8<-- [start:plain]
Change = Callable[[Operations], None]


def try_change(engine: sa.Engine, label: str, change: Change) -> None:
    """Run one Alembic operation as plain ALTER TABLE; print ok or the refusal."""
    try:
        with engine.begin() as conn:
            change(Operations(MigrationContext.configure(conn)))
    except (sa.exc.DBAPIError, NotImplementedError) as error:
        reason = str(getattr(error, "orig", error)).split(".")[0]
        print(f"  {label:<34} REFUSED: {reason}")
    else:
        print(f"  {label:<34} ok")


def plain_alters(engine: sa.Engine) -> None:
    """Try five common changes one by one, without batch mode."""
    email = sa.String(255)
    try_change(engine, "add a column", lambda op: op.add_column(
        "plain", sa.Column("nickname", sa.String(50))))
    try_change(engine, "rename a column", lambda op: op.alter_column(
        "plain", "nickname", new_column_name="handle", existing_type=sa.String(50)))
    try_change(engine, "drop a column", lambda op: op.drop_column(
        "plain", "handle"))
    try_change(engine, "make a column NOT NULL", lambda op: op.alter_column(
        "plain", "email", nullable=False, existing_type=email))
    try_change(engine, "add a UNIQUE constraint", lambda op: (
        op.create_unique_constraint("uq_plain_email", "plain", ["email"])))
# --8<-- [end:plain]


# --8<-- [start:batch]
def batch_alter(engine: sa.Engine) -> list[str]:
    """Make batched.email NOT NULL and UNIQUE in one batch; return the SQL it ran."""
    statements: list[str] = []
    email = sa.String(255)
    with engine.begin() as conn:
        sa.event.listen(conn, "before_cursor_execute",
                        lambda *args: statements.append(" ".join(args[2].split())))
        op = Operations(MigrationContext.configure(conn))
        with op.batch_alter_table("batched") as batch:
            batch.alter_column("email", nullable=False, existing_type=email)
            batch.create_unique_constraint("uq_batched_email", ["email"])
    # Keep the schema changes; leave out the queries that read the existing table.
    return [s for s in statements if not s.startswith(("PRAGMA", "SELECT", "SHOW"))]
# --8<-- [end:batch]


def main() -> None:
    """Try the plain ALTERs, then the batch, and show that the rows survived it."""
    with db.scratch_space() as space:
        engine = sa.create_engine(space.sqlalchemy_url)
        create_users(engine, "plain")
        create_users(engine, "batched")
        print(f"{db.current().label}, plain ALTER TABLE:")
        plain_alters(engine)
        print("batch mode, NOT NULL + UNIQUE, ran:")
        for statement in batch_alter(engine):
            print(textwrap.fill(statement, 80, initial_indent="  ", subsequent_indent="      "))
        with engine.connect() as conn:
            count = conn.execute(sa.text("SELECT count(*) FROM batched")).scalar_one()
        print(f"rows in batched afterwards: {count}")
        engine.dispose()


if __name__ == "__main__":
    main()
