"""Mirrors snippets/databases/sql_sqlalchemy.py: the ORM queries give the raw SQL's answers."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.dialects.postgresql import psycopg
from sqlalchemy.orm import Session

from labkit import db
from snippets.databases.sql_sqlalchemy import Base, Customer, fill, queries
from tests.support import require_server

ENGINES = ["sqlite", "postgresql", "mariadb"]


@pytest.mark.parametrize("engine", ENGINES)
def test_queries_print_the_same_answers_everywhere(
    engine: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if engine != "sqlite":
        require_server(engine)
    with db.scratch_space(db.ENGINES[engine]) as space:
        sa_engine = create_engine(space.sqlalchemy_url)
        Base.metadata.create_all(sa_engine)
        with Session(sa_engine) as session:
            fill(session)
            queries(session)
            margaret = session.scalars(select(Customer).where(Customer.name == "Margaret")).one()
            assert margaret.orders == []
        sa_engine.dispose()
    out = capsys.readouterr().out
    assert "Margaret  orders=0 spent_cents=0" in out
    assert "latest order per customer: [(1, 6), (2, 5), (3, 4)]" in out
    below = "['Computers', 'Electronics', 'Keyboards', 'Laptops', 'Phones']"
    assert f"under Electronics: {below}" in out


def test_the_value_never_enters_the_sql_text() -> None:
    stmt = select(Customer.id).where(Customer.name == "x' OR '1'='1")
    compiled = stmt.compile(dialect=psycopg.dialect())
    assert "OR '1'" not in str(compiled)
    assert list(compiled.params.values()) == ["x' OR '1'='1"]
