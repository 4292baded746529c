"""The same queries in SQLAlchemy 2.x: mapped classes, select(), joins, windows, recursive CTE."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, create_engine, desc, func, select
from sqlalchemy.dialects.mysql import pymysql
from sqlalchemy.dialects.postgresql import psycopg
from sqlalchemy.dialects.sqlite import pysqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from labkit import db
from snippets.databases.sql_shop import ROWS

ENGINES = ("sqlite", "postgresql", "mariadb")


# --8<-- [start:models]
class Base(DeclarativeBase):
    """Every mapped class of the shop shares this registry and metadata."""


class Customer(Base):
    """A row of `customers`, with its orders one attribute away."""

    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    city: Mapped[str] = mapped_column(String(50))
    orders: Mapped[list[Order]] = relationship(back_populates="customer", order_by="Order.id")


class Order(Base):
    """A row of `orders`; `customer` is None for a guest checkout."""

    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    ordered_on: Mapped[dt.date] = mapped_column(Date)
    total_cents: Mapped[int]
    customer: Mapped[Customer | None] = relationship(back_populates="orders")


class Category(Base):
    """A row of `categories`: a tree, through `parent_id`."""

    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
# --8<-- [end:models]


def fill(session: Session) -> None:
    """Insert the shop's customers, orders and categories as objects."""
    session.add_all(Customer(id=i, name=n, city=c) for i, n, c in ROWS["customers"])
    session.flush()  # customers first: orders refer to them
    session.add_all(
        Order(id=i, customer_id=c, ordered_on=dt.date.fromisoformat(d), total_cents=t)
        for i, c, d, t in ROWS["orders"]
    )
    for i, name, parent in ROWS["categories"]:  # parents come before their children
        session.add(Category(id=i, name=name, parent_id=parent))
        session.flush()
    session.commit()


def queries(session: Session) -> None:
    """Run the page's queries through the ORM and print what comes back."""
    # --8<-- [start:objects]
    londoners = session.scalars(select(Customer).where(Customer.city == "London")).all()
    for customer in londoners:
        print(customer.name, [order.total_cents for order in customer.orders])
    # --8<-- [end:objects]

    # --8<-- [start:aggregate]
    spent = func.coalesce(func.sum(Order.total_cents), 0).label("spent_cents")
    stmt = (
        select(Customer.name, func.count(Order.id).label("orders"), spent)
        .outerjoin(Customer.orders)  # LEFT JOIN, ON taken from the relationship
        .group_by(Customer.id, Customer.name)
        .having(func.count(Order.id) < 3)
        .order_by(desc(spent))
    )
    for row in session.execute(stmt):
        print(f"{row.name:<9} orders={row.orders} spent_cents={row.spent_cents}")
    # --8<-- [end:aggregate]

    # --8<-- [start:window]
    numbered = select(
        Order.customer_id, Order.id, Order.ordered_on,
        func.row_number().over(
            partition_by=Order.customer_id, order_by=(Order.ordered_on.desc(), Order.id.desc())
        ).label("n"),
    ).where(Order.customer_id.is_not(None)).subquery()
    latest = (
        select(numbered.c.customer_id, numbered.c.id)
        .where(numbered.c.n == 1)
        .order_by(numbered.c.customer_id)
    )
    print("latest order per customer:", session.execute(latest).all())
    # --8<-- [end:window]

    # --8<-- [start:recursive]
    below = (
        select(Category.id).where(Category.name == "Electronics").cte("below", recursive=True)
    )
    below = below.union_all(select(Category.id).where(Category.parent_id == below.c.id))
    names = select(Category.name).where(Category.id.in_(select(below.c.id)))
    print("under Electronics:", session.scalars(names.order_by(Category.name)).all())
    # --8<-- [end:recursive]


def show_sql() -> None:
    """Print the SQL one statement becomes for each driver this course uses."""
    # --8<-- [start:compile]
    stmt = select(Customer.id).where(Customer.name == "Aoife O'Brien")
    for dialect in (pysqlite.dialect(), psycopg.dialect(), pymysql.dialect()):
        compiled = stmt.compile(dialect=dialect)
        sql = " ".join(str(compiled).split())
        print(f"{dialect.name + '+' + dialect.driver:<19} {sql}")
    print("the value, kept apart from the SQL text:", compiled.params)
    # --8<-- [end:compile]


def main() -> None:
    """Create the tables from the models, fill them, query them, and show the generated SQL."""
    with db.scratch_space() as space:
        # --8<-- [start:engine]
        engine = create_engine(space.sqlalchemy_url)
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            fill(session)
            queries(session)
        engine.dispose()
        # --8<-- [end:engine]
    show_sql()


if __name__ == "__main__":
    main()
