"""Mirrors snippets/databases/migrate_up_down.py: every revision upgrades and downgrades
cleanly, on SQLite and PostgreSQL, and the URL must be %-escaped for Alembic's Config."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from labkit import db
from snippets.databases import migrate_up_down as s
from tests.support import require_server

ENGINES = ["sqlite", "postgresql", "mariadb"]


def _schema(engine: sa.Engine) -> dict[str, object]:
    """Tables, columns (name, nullable) and unique constraints: what a revision changes."""
    inspector = sa.inspect(engine)
    return {
        table: (
            [(c["name"], c["nullable"]) for c in inspector.get_columns(table)],
            sorted(u["name"] for u in inspector.get_unique_constraints(table)),
        )
        for table in sorted(inspector.get_table_names())
    }


def _version(engine: sa.Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars())


def test_revision_ids_are_fixed_and_form_one_chain() -> None:
    script = ScriptDirectory.from_config(s.alembic_config("sqlite://"))
    chain = [r.revision for r in script.walk_revisions()]
    assert chain == ["0004", "0003", "0002", "0001"]
    assert script.get_heads() == ["0004"]


@pytest.mark.parametrize("engine_name", ENGINES)
def test_each_revision_round_trips(engine_name: str) -> None:
    """The 'stairway' test: up one, down one, up again; the schema is the same each time."""
    if engine_name != "sqlite":
        require_server(engine_name)
    with db.scratch_space(db.ENGINES[engine_name]) as space:
        config = s.alembic_config(space.sqlalchemy_url)
        engine = sa.create_engine(space.sqlalchemy_url)
        for revision in ("0001", "0002", "0003", "0004"):
            command.upgrade(config, revision)
            after_up = _schema(engine)
            assert _version(engine) == [revision]
            command.downgrade(config, "-1")
            command.upgrade(config, revision)
            assert _schema(engine) == after_up, f"{revision} does not round-trip"
        command.downgrade(config, "base")
        assert _version(engine) == []
        assert set(sa.inspect(engine).get_table_names()) == {"alembic_version"}
        engine.dispose()


@pytest.mark.parametrize("engine_name", ["sqlite", "postgresql"])
def test_0002_makes_email_required_and_unique(engine_name: str) -> None:
    if engine_name != "sqlite":
        require_server(engine_name)
    with db.scratch_space(db.ENGINES[engine_name]) as space:
        config = s.alembic_config(space.sqlalchemy_url)
        engine = sa.create_engine(space.sqlalchemy_url)
        command.upgrade(config, "0002")
        insert = sa.text("INSERT INTO users (email, fullname) VALUES (:e, 'x')")
        with engine.begin() as conn:
            conn.execute(insert, {"e": "a@example.com"})
        for email in ("a@example.com", None):
            with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
                conn.execute(insert, {"e": email})
        engine.dispose()


def test_unescaped_percent_in_the_url_breaks_alembic_config() -> None:
    require_server("postgresql")
    with db.scratch_space(db.ENGINES["postgresql"]) as space:
        url = space.sqlalchemy_url
        assert "%" in url  # the search_path option is URL-encoded
        config = Config()
        config.set_main_option("script_location", str(s.MIGRATIONS))
        with pytest.raises(ValueError, match="invalid interpolation syntax"):
            config.set_main_option("sqlalchemy.url", url)  # configparser refuses a lone %
        assert s.alembic_config(url).get_main_option("sqlalchemy.url") == url


def test_snippet_output(capsys: pytest.CaptureFixture[str]) -> None:
    s.main()  # SQLite
    out = capsys.readouterr().out
    assert "after upgrade to 0002:\n  alembic_version: ['0002']" in out
    assert "unique uq_users_email (email)" in out
    assert out.rstrip().endswith("after downgrade to base:\n  alembic_version: []")
