"""Rename a column with no downtime: expand, backfill, contract, with old and new code running."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")

MIGRATIONS = Path(__file__).with_name("migrate_alembic")


def alembic_config(url: str) -> Config:
    """An Alembic configuration for the migrations kept in `migrate_alembic/`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


# --8<-- [start:apps]
@dataclass(frozen=True)
class App:
    """One version of the app: the name columns it writes, and the one it reads."""

    version: str
    writes: tuple[str, ...]
    reads: str

    def add_user(self, engine: sa.Engine, email: str, name: str) -> None:
        """Insert a user, writing the name into every column this version knows."""
        columns = ("email", *self.writes)
        insert = sa.text(f"INSERT INTO users ({', '.join(columns)}) "
                         f"VALUES ({', '.join(':' + c for c in columns)})")
        values = {"email": email, **dict.fromkeys(self.writes, name)}
        with engine.begin() as conn:
            conn.execute(insert, values)

    def name_of(self, engine: sa.Engine, email: str) -> str | None:
        """Read a user's name from the column this version reads."""
        query = sa.text(f"SELECT {self.reads} FROM users WHERE email = :email")
        with engine.connect() as conn:
            return conn.execute(query, {"email": email}).scalar_one()


OLD, NEW = "fullname", "display_name"
V1 = App("v1", writes=(OLD,), reads=OLD)       # today
V2 = App("v2", writes=(OLD, NEW), reads=OLD)   # dual-write
V3 = App("v3", writes=(OLD, NEW), reads=NEW)   # switch reads
V4 = App("v4", writes=(NEW,), reads=NEW)       # the new column only
# --8<-- [end:apps]


def write(engine: sa.Engine, app: App, email: str, name: str) -> None:
    """Let `app` add a user; print ok, or the database's error."""
    try:
        app.add_user(engine, email, name)
    except sa.exc.DBAPIError as error:
        print(f"  {app.version} adds  {email:<9} FAILS: {str(error.orig).splitlines()[0]}")
    else:
        print(f"  {app.version} adds  {email:<9} ok")


def read(engine: sa.Engine, app: App, email: str) -> None:
    """Let `app` read a user's name; print it, or the database's error."""
    try:
        name = app.name_of(engine, email)
    except sa.exc.DBAPIError as error:
        print(f"  {app.version} reads {email:<9} FAILS: {str(error.orig).splitlines()[0]}")
    else:
        print(f"  {app.version} reads {email:<9} {name!r}")


def show_rows(engine: sa.Engine) -> None:
    """Print every row, with the columns the table has right now."""
    names = [c["name"] for c in sa.inspect(engine).get_columns("users") if c["name"] != "id"]
    with engine.connect() as conn:
        rows = conn.execute(sa.text(f"SELECT {', '.join(names)} FROM users ORDER BY id"))
        print(f"  users ({', '.join(names)}):")
        for row in rows:
            print(f"    {tuple(row)}")


# --8<-- [start:backfill]
def backfill(engine: sa.Engine, batch_size: int = 2) -> int:
    """Copy fullname into display_name where it is missing, a few rows at a time."""
    pick = sa.text("SELECT id FROM users WHERE display_name IS NULL "
                   "ORDER BY id LIMIT :n")
    copy = sa.text("UPDATE users SET display_name = fullname WHERE id IN :ids")
    copy = copy.bindparams(sa.bindparam("ids", expanding=True))
    copied = 0
    while True:
        with engine.begin() as conn:  # one short transaction per batch: short locks
            ids = conn.execute(pick, {"n": batch_size}).scalars().all()
            if not ids:
                return copied
            copied += conn.execute(copy, {"ids": ids}).rowcount
# --8<-- [end:backfill]


def naive_rename() -> None:
    """Rename the column in one step while v1 is still running, and watch v1 break."""
    with db.scratch_space() as space:
        engine = sa.create_engine(space.sqlalchemy_url)
        command.upgrade(alembic_config(space.sqlalchemy_url), "0002")
        V1.add_user(engine, "ada@x.io", "Ada Lovelace")
        # --8<-- [start:naive]
        print("0. rename in one step while v1 is running")
        rename = "ALTER TABLE users RENAME COLUMN fullname TO display_name"
        with engine.begin() as conn:
            conn.execute(sa.text(rename))
        read(engine, V1, "ada@x.io")
        write(engine, V1, "bob@x.io", "Bob Ross")
        # --8<-- [end:naive]
        engine.dispose()


def expand_contract() -> None:
    """The same rename in steps, each safe for the versions running at that moment."""
    with db.scratch_space() as space:
        engine = sa.create_engine(space.sqlalchemy_url)
        config = alembic_config(space.sqlalchemy_url)
        command.upgrade(config, "0002")
        V1.add_user(engine, "ada@x.io", "Ada Lovelace")
        # --8<-- [start:expand]
        print("1. expand (migration 0003); v1 still running, v2 rolling out")
        command.upgrade(config, "0003")
        write(engine, V1, "bob@x.io", "Bob Ross")
        write(engine, V2, "cy@x.io", "Cy Twombly")
        read(engine, V1, "cy@x.io")
        read(engine, V2, "bob@x.io")
        show_rows(engine)
        # --8<-- [end:expand]
        # --8<-- [start:migrate]
        print("2. backfill, once every v1 is gone")
        print(f"  rows copied: {backfill(engine)}")
        show_rows(engine)

        print("3. switch reads: v3 rolling out, v2 still running")
        write(engine, V3, "dee@x.io", "Dee Dee")
        read(engine, V3, "bob@x.io")
        read(engine, V2, "dee@x.io")

        print("4. stop writing fullname: v4 rolling out, v3 still running")
        write(engine, V4, "eve@x.io", "Eve Arden")
        read(engine, V3, "eve@x.io")
        print("  ...and a v2 someone forgot to stop:")
        read(engine, V2, "eve@x.io")  # [mark:silent]
        show_rows(engine)
        # --8<-- [end:migrate]
        # --8<-- [start:contract]
        print("5. contract (migration 0004), once only v4 is left")
        command.upgrade(config, "0004")
        write(engine, V4, "fay@x.io", "Fay Wray")
        read(engine, V4, "ada@x.io")
        print("  ...and a v3 someone forgot to stop:")
        write(engine, V3, "gus@x.io", "Gus Grissom")
        show_rows(engine)
        # --8<-- [end:contract]
        engine.dispose()


def main() -> None:
    """Break v1 with a one-step rename, then do the same rename in five safe steps."""
    naive_rename()
    print()
    expand_contract()


if __name__ == "__main__":
    main()
