"""Mirrors snippets/databases/migrate_batch.py: SQLite refuses some ALTERs, batch mode does them
by copying the table, and the rows survive."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations

from labkit import db
from snippets.databases import migrate_batch as s
from tests.support import require_server


def _not_null(engine: sa.Engine, table: str) -> None:
    with engine.begin() as conn:
        Operations(MigrationContext.configure(conn)).alter_column(
            table, "email", nullable=False, existing_type=sa.String(255))


def test_sqlite_refuses_plain_alter_column_and_batch_mode_copies_the_table() -> None:
    with db.scratch_space(db.ENGINES["sqlite"]) as space:
        engine = sa.create_engine(space.sqlalchemy_url)
        s.create_users(engine, "plain")
        s.create_users(engine, "batched")
        with pytest.raises(sa.exc.OperationalError, match="syntax error"):
            _not_null(engine, "plain")
        statements = s.batch_alter(engine)
        assert statements[0].startswith("CREATE TABLE _alembic_tmp_batched")
        assert "DROP TABLE batched" in statements
        inspector = sa.inspect(engine)
        email = next(c for c in inspector.get_columns("batched") if c["name"] == "email")
        assert email["nullable"] is False
        assert [u["name"] for u in inspector.get_unique_constraints("batched")] == [
            "uq_batched_email"]
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT id, email FROM batched ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [(1, "a@x.io"), (2, "b@x.io")]
        engine.dispose()


@pytest.mark.parametrize("engine_name", ["postgresql", "mariadb"])
def test_servers_alter_in_place(engine_name: str) -> None:
    require_server(engine_name)
    with db.scratch_space(db.ENGINES[engine_name]) as space:
        engine = sa.create_engine(space.sqlalchemy_url)
        s.create_users(engine, "plain")
        s.create_users(engine, "batched")
        _not_null(engine, "plain")  # no error
        statements = s.batch_alter(engine)
        assert all(st.startswith("ALTER TABLE batched") for st in statements), statements
        engine.dispose()
