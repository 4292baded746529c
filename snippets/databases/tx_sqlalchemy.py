"""The same transfer with SQLAlchemy 2.x: one transaction per block, rows locked FOR UPDATE."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String, create_engine, exc, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")


class Base(DeclarativeBase):
    """Declarative base for this snippet's one table."""


# --8<-- [start:model]
class Account(Base):
    """A bank account whose balance may never go below zero."""

    __tablename__ = "accounts"
    __table_args__ = (CheckConstraint("balance >= 0", name="balance_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(20))
    balance: Mapped[int]
# --8<-- [end:model]


# --8<-- [start:transfer]
def transfer(session: Session, source: int, target: int, amount: int) -> None:
    """Lock both rows, in id order so that transfers never deadlock, then move."""
    rows = select(Account).where(Account.id.in_([source, target]))
    locked = session.scalars(rows.order_by(Account.id).with_for_update())  # [mark:lock]
    accounts = {account.id: account for account in locked}
    accounts[source].balance -= amount
    accounts[target].balance += amount
# --8<-- [end:transfer]


def main() -> None:
    """Show the locking SQL each dialect sends, then a good and a refused transfer."""
    with db.scratch_space() as space:
        engine = create_engine(space.sqlalchemy_url)
        Base.metadata.create_all(engine)
        # --8<-- [start:main]
        with Session(engine) as session, session.begin():  # COMMIT, or ROLLBACK
            session.add_all([Account(id=1, owner="alice", balance=100),
                             Account(id=2, owner="bob", balance=50)])

        query = select(Account.balance).where(Account.id == 1).with_for_update()
        print(f"{engine.dialect.name}: {' '.join(str(query.compile(engine)).split())}")

        for amount in (30, 500):
            try:
                with Session(engine) as session, session.begin():
                    transfer(session, 1, 2, amount)
                print(f"transfer {amount}: committed")
            except exc.DBAPIError as error:  # [mark:catch]
                print(f"transfer {amount}: rolled back, {type(error).__name__}")
            with Session(engine) as session:
                balances = session.scalars(select(Account.balance).order_by(Account.id))
                print(f"  balances: {list(balances)}")
        # --8<-- [end:main]
        engine.dispose()


if __name__ == "__main__":
    main()
