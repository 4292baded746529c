"""Mirrors snippets/databases/sql_n_plus_one.py: the query counts of each loading strategy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import Session

from labkit import db
from snippets.databases.sql_n_plus_one import (
    add_customers,
    count_queries,
    totals_joined,
    totals_lazy,
    totals_selectin,
)
from snippets.databases.sql_sqlalchemy import Base, Customer, fill
from tests.support import require_server


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    if request.param != "sqlite":
        require_server(request.param)
    with db.scratch_space(db.ENGINES[request.param]) as space:
        sa_engine = create_engine(space.sqlalchemy_url)
        Base.metadata.create_all(sa_engine)
        with Session(sa_engine) as session:
            fill(session)
        yield sa_engine
        sa_engine.dispose()


def count(engine: Engine, loader: object) -> int:
    with Session(engine) as session, count_queries(engine) as statements:
        loader(session)  # type: ignore[operator]
    return len(statements)


def test_lazy_loading_issues_one_query_per_customer(engine: Engine) -> None:
    assert count(engine, totals_lazy) == 1 + 4
    add_customers(engine, 10)
    assert count(engine, totals_lazy) == 1 + 14


def test_eager_loading_keeps_the_count_flat(engine: Engine) -> None:
    add_customers(engine, 10)
    assert count(engine, totals_selectin) == 2
    assert count(engine, totals_joined) == 1


def test_selectinload_sends_keys_in_chunks_of_500(engine: Engine) -> None:
    add_customers(engine, 500)  # 504 customers in all
    assert count(engine, totals_selectin) == 1 + 2


def test_all_strategies_agree(engine: Engine) -> None:
    with Session(engine) as session:
        answers = [f(session) for f in (totals_lazy, totals_selectin, totals_joined)]
    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["Margaret"] == 0


def test_the_listener_is_removed_afterwards(engine: Engine) -> None:
    with count_queries(engine) as statements:
        pass
    with Session(engine) as session:
        session.scalars(select(Customer)).all()
    assert statements == []
