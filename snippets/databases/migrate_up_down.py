"""Upgrade and downgrade a database with Alembic, driven from Python, and show each schema."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")

MIGRATIONS = Path(__file__).with_name("migrate_alembic")
"""The migration environment: env.py and versions/, kept in the repository."""


# --8<-- [start:config]
def alembic_config(url: str) -> Config:
    """An Alembic configuration built in code: no alembic.ini needed."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Config values go through configparser, where % starts a variable: escape it.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # [mark:escape]
    return config
# --8<-- [end:config]


# --8<-- [start:show]
def show_schema(engine: sa.Engine, heading: str) -> None:
    """Print the recorded revision, then each table's columns and unique keys."""
    print(heading)
    query = sa.text("SELECT version_num FROM alembic_version")
    with engine.connect() as conn:
        print(f"  alembic_version: {list(conn.execute(query).scalars())}")
    inspector = sa.inspect(engine)
    for table in sorted(inspector.get_table_names()):
        if table == "alembic_version":
            continue
        print(f"  table {table}:")
        for column in inspector.get_columns(table):
            null = "NULL" if column["nullable"] else "NOT NULL"
            print(f"    {column['name']:<10}{column['type']!s:<14}{null}")
        for unique in inspector.get_unique_constraints(table):
            columns = ", ".join(unique["column_names"])
            print(f"    unique {unique['name']} ({columns})")
# --8<-- [end:show]


def main() -> None:
    """List the revisions, then upgrade to 0002, step back to 0001, and back to nothing."""
    with db.scratch_space() as space:
        # --8<-- [start:history]
        config = alembic_config(space.sqlalchemy_url)
        for script in ScriptDirectory.from_config(config).walk_revisions():
            parent = script.down_revision or "(base)"
            print(f"{parent:>6} -> {script.revision}  {script.doc.splitlines()[0]}")
        # --8<-- [end:history]
        print()
        engine = sa.create_engine(space.sqlalchemy_url)
        # --8<-- [start:run]
        command.upgrade(config, "0002")  # [mark:upgrade]
        show_schema(engine, "after upgrade to 0002:")
        command.downgrade(config, "-1")  # [mark:downgrade]
        show_schema(engine, "after downgrade -1:")
        command.downgrade(config, "base")
        show_schema(engine, "after downgrade to base:")
        # --8<-- [end:run]
        engine.dispose()


if __name__ == "__main__":
    main()
