"""Mirrors snippets/databases/tx_sqlalchemy.py: FOR UPDATE per dialect; all-or-nothing blocks."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, exc, select
from sqlalchemy.orm import Session

from labkit import db
from snippets.databases.tx_sqlalchemy import Account, Base, transfer
from tests.support import require_server

ENGINES = ["sqlite", "postgresql", "mariadb"]


@pytest.mark.parametrize("engine_name", ENGINES)
def test_for_update_is_dropped_on_sqlite_only(engine_name: str) -> None:
    """SQLite has no row locks: SQLAlchemy leaves FOR UPDATE out, silently."""
    if engine_name != "sqlite":
        require_server(engine_name)
    with db.scratch_space(db.ENGINES[engine_name]) as space:
        engine = create_engine(space.sqlalchemy_url)
        sql = str(select(Account).with_for_update().compile(engine))
        engine.dispose()
    assert ("FOR UPDATE" in sql) == (engine_name != "sqlite")


@pytest.mark.parametrize("engine_name", ENGINES)
def test_refused_transfer_changes_nothing(engine_name: str) -> None:
    if engine_name != "sqlite":
        require_server(engine_name)
    with db.scratch_space(db.ENGINES[engine_name]) as space:
        engine = create_engine(space.sqlalchemy_url)
        Base.metadata.create_all(engine)
        with Session(engine) as session, session.begin():
            session.add_all([Account(id=1, owner="alice", balance=100),
                             Account(id=2, owner="bob", balance=50)])
        with pytest.raises(exc.DBAPIError), Session(engine) as session, session.begin():
            transfer(session, 2, 1, 80)
        with Session(engine) as session:
            assert list(session.scalars(select(Account.balance).order_by(Account.id))) == [100, 50]
        engine.dispose()
