"""Declare a shop's four tables once with SQLAlchemy and print the DDL each engine receives."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Identity, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
from sqlalchemy.schema import CreateTable

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")


class Base(DeclarativeBase):
    """The registry every model of the shop belongs to."""


# --8<-- [start:model]
class Customer(Base):
    """A person who buys: one row per customer, whatever they order."""

    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(Identity(), primary_key=True)  # [mark:surrogate]
    email: Mapped[str] = mapped_column(String(254), unique=True)  # [mark:natural]
    name: Mapped[str] = mapped_column(String(100))
    city: Mapped[str] = mapped_column(String(100))
    orders: Mapped[list[Order]] = relationship(back_populates="customer")


class Product(Base):
    """Something the shop sells, identified inside the shop by its SKU."""

    __tablename__ = "products"
    __table_args__ = (CheckConstraint("price_cents >= 0", name="products_price_not_negative"),)
    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    sku: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    price_cents: Mapped[int]


class Order(Base):
    """One checkout by one customer."""

    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))  # [mark:fk]
    placed_on: Mapped[date]
    customer: Mapped[Customer] = relationship(back_populates="orders")
    lines: Mapped[list[OrderLine]] = relationship()


class OrderLine(Base):
    """How many of one product one order holds, and the price paid for it."""

    __tablename__ = "order_lines"
    __table_args__ = (CheckConstraint("quantity > 0", name="order_lines_quantity_positive"),)
    # two primary_key=True columns make one composite key: (order_id, product_id)
    order_id: Mapped[int] = mapped_column(
        ForeignKey("orders.id"), primary_key=True)  # [mark:composite]
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id"), primary_key=True)  # [mark:composite2]
    quantity: Mapped[int]
    unit_price_cents: Mapped[int]  # the price on the day of the sale, not today's price
    product: Mapped[Product] = relationship()
# --8<-- [end:model]


def ddl(table_name: str, dialect: object) -> str:
    """The CREATE TABLE statement SQLAlchemy sends for one table, tidied for printing."""
    statement = CreateTable(Base.metadata.tables[table_name]).compile(dialect=dialect)
    lines = str(statement).strip().expandtabs(4).splitlines()
    return "\n".join(line.rstrip() for line in lines)


def main() -> None:
    """Create the tables, print two of their DDL statements, and store one order."""
    # --8<-- [start:create]
    engine_info = db.current()
    with db.scratch_space() as space:
        engine = create_engine(space.sqlalchemy_url)
        Base.metadata.create_all(engine)  # [mark:create-all]
        print(f"-- what {engine_info.label} was sent for two of the four tables")
        for table_name in ("customers", "order_lines"):
            print(ddl(table_name, engine.dialect))

        with Session(engine) as session:
            ada = Customer(email="ada@example.com", name="Ada", city="London")
            book = Product(sku="BK-1", name="Dune", price_cents=1099)
            mug = Product(sku="MUG-3", name="Mug", price_cents=850)
            order = Order(customer=ada, placed_on=date(2024, 3, 1), lines=[
                OrderLine(product=book, quantity=1, unit_price_cents=book.price_cents),
                OrderLine(product=mug, quantity=2, unit_price_cents=mug.price_cents),
            ])
            session.add(order)
            session.commit()  # the engine hands out the surrogate keys on INSERT
            print(f"-- keys the engine generated: customer {ada.id}, order {order.id}, "
                  f"products {book.id} and {mug.id}")
            keys = session.execute(
                select(OrderLine.order_id, OrderLine.product_id).order_by(OrderLine.product_id)
            ).all()
            print(f"-- composite keys of the order lines: {[tuple(k) for k in keys]}")
        engine.dispose()
    # --8<-- [end:create]


if __name__ == "__main__":
    main()
