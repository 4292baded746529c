"""Alembic's entry point for the "Connections & migrations" page.

Alembic runs this file for every command. It reads the database URL from the
configuration the caller built (see `migrate_up_down.py`), opens one
connection and runs the pending revisions from `versions/` in a transaction.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

config = context.config
URL_OPTION = "sqlalchemy.url"


def run_offline() -> None:
    """Write the SQL out instead of running it (`alembic upgrade --sql`)."""
    url = config.get_main_option(URL_OPTION)
    context.configure(url=url, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Connect to the database and run the pending migrations."""
    # NullPool: a migration run is short, so it keeps no connection open.
    url = config.get_main_option(URL_OPTION)
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        # render_as_batch: `alembic revision --autogenerate` then drafts
        # batch_alter_table blocks, which SQLite needs for most ALTERs.
        context.configure(connection=connection, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
