"""Mirrors snippets/databases/migrate_expand_contract.py: a one-step rename breaks the running
code; each expand/contract step keeps the versions that run side by side working."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command

from labkit import db
from snippets.databases import migrate_expand_contract as s
from tests.support import require_server

ENGINES = ["sqlite", "postgresql", "mariadb"]


def _works(engine: sa.Engine, app: s.App, email: str) -> str | None:
    app.add_user(engine, email, f"name of {email}")
    return app.name_of(engine, email)


@pytest.mark.parametrize("engine_name", ENGINES)
def test_one_step_rename_breaks_v1(engine_name: str) -> None:
    if engine_name != "sqlite":
        require_server(engine_name)
    with db.scratch_space(db.ENGINES[engine_name]) as space:
        engine = sa.create_engine(space.sqlalchemy_url)
        command.upgrade(s.alembic_config(space.sqlalchemy_url), "0002")
        _works(engine, s.V1, "a@x.io")
        with engine.begin() as conn:
            conn.execute(sa.text("ALTER TABLE users RENAME COLUMN fullname TO display_name"))
        with pytest.raises(sa.exc.DBAPIError):
            s.V1.name_of(engine, "a@x.io")
        with pytest.raises(sa.exc.DBAPIError):
            s.V1.add_user(engine, "b@x.io", "B")
        engine.dispose()


@pytest.mark.parametrize("engine_name", ENGINES)
def test_every_step_serves_the_versions_running_at_that_step(engine_name: str) -> None:
    if engine_name != "sqlite":
        require_server(engine_name)
    with db.scratch_space(db.ENGINES[engine_name]) as space:
        engine = sa.create_engine(space.sqlalchemy_url)
        config = s.alembic_config(space.sqlalchemy_url)
        command.upgrade(config, "0002")
        _works(engine, s.V1, "v1-before@x.io")
        command.upgrade(config, "0003")  # expand
        for app in (s.V1, s.V2):
            assert _works(engine, app, f"{app.version}-expand@x.io") is not None
        assert s.backfill(engine) >= 2  # the rows v1 wrote
        with engine.connect() as conn:
            missing = conn.execute(sa.text(
                "SELECT count(*) FROM users WHERE display_name IS NULL")).scalar_one()
        assert missing == 0
        for app in (s.V2, s.V3, s.V4):
            assert _works(engine, app, f"{app.version}-mid@x.io") is not None
        # Every row reads the same through v3 and v4 (the new column) ...
        with engine.connect() as conn:
            emails = conn.execute(sa.text("SELECT email FROM users")).scalars().all()
        for email in emails:
            assert s.V3.name_of(engine, email) == s.V4.name_of(engine, email) is not None
        # ... but v2 reads NULL for a row v4 wrote: v2 must be gone before v4 ships.
        assert s.V2.name_of(engine, "v4-mid@x.io") is None
        # With v4 rows holding NULL in fullname, 0003 can no longer be undone.
        with pytest.raises(sa.exc.DBAPIError):
            command.downgrade(config, "0002")
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() \
                == "0003"
        if engine_name == "sqlite":
            # SQLite's DDL is not run in a transaction here, so the failed batch leaves its
            # half-built copy behind: drop it before the next migration on this table.
            assert "_alembic_tmp_users" in sa.inspect(engine).get_table_names()
            with engine.begin() as conn:
                conn.execute(sa.text("DROP TABLE _alembic_tmp_users"))
        command.upgrade(config, "0004")  # contract
        assert _works(engine, s.V4, "v4-after@x.io") is not None
        with pytest.raises(sa.exc.DBAPIError):
            s.V3.add_user(engine, "v3-after@x.io", "late")
        engine.dispose()


def test_snippet_output(capsys: pytest.CaptureFixture[str]) -> None:
    s.main()  # SQLite
    out = capsys.readouterr().out
    assert "v1 reads ada@x.io  FAILS" in out
    assert "v2 reads eve@x.io  None" in out
    assert "v3 adds  gus@x.io  FAILS" in out
