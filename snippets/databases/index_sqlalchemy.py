"""Declare indexes on a SQLAlchemy 2.x model and see the CREATE INDEX each engine receives."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")


# --8<-- [start:model]
class Base(DeclarativeBase):
    """The declarative base of this example."""


class Order(Base):
    """An order; the indexes live next to the columns they serve."""

    __tablename__ = "orders"
    __table_args__ = (
        # Column order matters: equality column first, then range/sort column.
        # postgresql_include is used by PostgreSQL, ignored by other dialects.
        sa.Index("ix_orders_customer_created", "customer_id", "created_at",
                 postgresql_include=["total_cents"]),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int]
    created_at: Mapped[dt.date]
    total_cents: Mapped[int]
    email: Mapped[str] = mapped_column(  # [mark:index-true]
        sa.String(40), index=True
    )
# --8<-- [end:model]


def main() -> None:
    """Create the table on the current engine and print the index DDL it ran."""
    with db.scratch_space() as space:
        engine = sa.create_engine(space.sqlalchemy_url)
        # --8<-- [start:ddl]
        statements: list[str] = []

        @sa.event.listens_for(engine, "before_cursor_execute")
        def keep_index_ddl(
            conn: Any, cursor: Any, statement: str, *args: Any
        ) -> None:
            if statement.lstrip().startswith("CREATE INDEX"):
                statements.append(" ".join(statement.split()))

        Base.metadata.create_all(engine)
        # create_all walks a set of indexes: sort them for a stable order.
        for statement in sorted(statements):
            print(statement)
        # --8<-- [end:ddl]
        names = sorted(ix["name"] for ix in sa.inspect(engine).get_indexes("orders"))
        print("indexes found by the inspector:", ", ".join(names))
        engine.dispose()


if __name__ == "__main__":
    main()
