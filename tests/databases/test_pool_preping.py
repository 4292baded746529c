"""Mirrors snippets/databases/pool_preping.py: a dead pooled connection fails a request unless
the pool pings it first."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from labkit import db
from snippets.databases import pool_preping as s
from tests.support import require_server


def _first_request_after_kill(engine_name: str, pre_ping: bool) -> Exception | None:
    with db.scratch_space(db.ENGINES[engine_name]) as space:
        admin = space.connect()
        if engine_name == "postgresql":
            admin.autocommit = True
        else:
            admin.autocommit(True)
        engine = sa.create_engine(space.sqlalchemy_url, pool_size=1, pool_pre_ping=pre_ping)
        query = sa.text(s.SESSION_ID[engine_name])
        try:
            with engine.connect() as conn:
                session = conn.execute(query).scalar_one()
            s.kill_session(admin, session)
            with engine.connect() as conn:
                new_session = conn.execute(query).scalar_one()
            assert new_session != session  # a fresh connection served the request
            return None
        except sa.exc.OperationalError as error:
            return error
        finally:
            engine.dispose()
            admin.close()


@pytest.mark.parametrize("engine_name", ["postgresql", "mariadb"])
def test_without_pre_ping_the_dead_connection_fails_a_request(
        engine_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    require_server(engine_name)
    monkeypatch.setenv("LAB_ENGINE", engine_name)
    error = _first_request_after_kill(engine_name, pre_ping=False)
    assert isinstance(error, sa.exc.OperationalError)
    assert error.connection_invalidated


@pytest.mark.parametrize("engine_name", ["postgresql", "mariadb"])
def test_with_pre_ping_the_pool_replaces_it_silently(
        engine_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    require_server(engine_name)
    monkeypatch.setenv("LAB_ENGINE", engine_name)
    assert _first_request_after_kill(engine_name, pre_ping=True) is None
