"""Mirrors snippets/databases/index_sqlalchemy.py: dialect options reach only their dialect."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.schema import CreateIndex

from snippets.databases.index_sqlalchemy import Order


def ddl(dialect: sa.engine.Dialect, name: str) -> str:
    index = next(ix for ix in Order.__table__.indexes if ix.name == name)
    return " ".join(str(CreateIndex(index).compile(dialect=dialect)).split())


@pytest.mark.parametrize("dialect", [sqlite.dialect(), mysql.dialect()])
def test_include_is_dropped_outside_postgresql(dialect: sa.engine.Dialect) -> None:
    assert ddl(dialect, "ix_orders_customer_created").endswith("(customer_id, created_at)")


def test_postgresql_gets_include() -> None:
    assert ddl(postgresql.dialect(), "ix_orders_customer_created").endswith(
        "(customer_id, created_at) INCLUDE (total_cents)"
    )


def test_index_true_names_the_index_after_the_column() -> None:
    expected = "CREATE INDEX ix_orders_email ON orders (email)"
    assert ddl(sqlite.dialect(), "ix_orders_email") == expected
