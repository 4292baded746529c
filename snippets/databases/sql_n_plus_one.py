"""The N+1 query problem: count the queries a lazy relationship issues, fix it, count again."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, insert, select
from sqlalchemy.orm import Session, joinedload, selectinload

from labkit import db
from labkit.measure import measured
from snippets.databases.sql_sqlalchemy import Base, Customer, Order, fill

ENGINES = ("sqlite", "postgresql")


# --8<-- [start:counter]
@contextmanager
def count_queries(engine: Engine) -> Iterator[list[str]]:
    """Collect every SQL statement `engine` sends while the block runs."""
    statements: list[str] = []

    def remember(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", remember)  # [mark:listen]
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", remember)
# --8<-- [end:counter]


# --8<-- [start:loaders]
def totals_lazy(session: Session) -> dict[str, int]:
    """Each customer's total spend, letting `customer.orders` load itself on first use."""
    customers = session.scalars(select(Customer).order_by(Customer.id))
    return {c.name: sum(o.total_cents for o in c.orders) for c in customers}  # [mark:lazy]


def totals_selectin(session: Session) -> dict[str, int]:
    """The same, loading every customer's orders in one extra query (WHERE ... IN)."""
    stmt = select(Customer).options(selectinload(Customer.orders)).order_by(Customer.id)
    return {c.name: sum(o.total_cents for o in c.orders) for c in session.scalars(stmt)}


def totals_joined(session: Session) -> dict[str, int]:
    """The same, in a single query with a LEFT OUTER JOIN to orders."""
    stmt = select(Customer).options(joinedload(Customer.orders)).order_by(Customer.id)
    customers = session.scalars(stmt).unique()  # the join repeats each customer per order
    return {c.name: sum(o.total_cents for o in c.orders) for c in customers}
# --8<-- [end:loaders]


def short(sql: str) -> str:
    """One line of SQL with the column list left out: `SELECT … FROM orders WHERE …`."""
    return re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", " ".join(sql.split()))


LOADERS: dict[str, Callable[[Session], dict[str, int]]] = {
    "lazy (default)": totals_lazy,
    "selectinload": totals_selectin,
    "joinedload": totals_joined,
}


def add_customers(engine: Engine, count: int) -> None:
    """Add `count` more customers with two orders each, in two bulk INSERTs."""
    people = [{"id": 100 + n, "name": f"customer {n}", "city": "Leeds"} for n in range(count)]
    orders = [
        {"id": 100 + 2 * n + k, "customer_id": 100 + n, "ordered_on": dt.date(2024, 4, 1),
         "total_cents": 1000 + k}
        for n in range(count) for k in range(2)
    ]
    with Session(engine) as session:
        session.execute(insert(Customer), people)
        session.execute(insert(Order), orders)
        session.commit()


def timed(engine: Engine, loader: Callable[[Session], dict[str, int]]) -> tuple[float, int]:
    """Best of three runs of `loader` in a fresh session: (seconds, queries issued)."""
    best, queries = float("inf"), 0
    for _ in range(3):
        with Session(engine) as session, count_queries(engine) as statements:
            start = time.perf_counter()
            loader(session)
            best = min(best, time.perf_counter() - start)
        queries = len(statements)
    return best, queries


def main() -> None:
    """Count the queries of each loading strategy on the shop, then on 500 customers."""
    with db.scratch_space() as space:
        engine = create_engine(space.sqlalchemy_url)
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            fill(session)
        # --8<-- [start:count]
        answers = []
        for label, loader in LOADERS.items():
            with Session(engine) as session, count_queries(engine) as statements:
                answers.append(loader(session))
            print(f"{label}: statements sent = {len(statements)}")
            for sql in statements:
                print("   ", short(sql))
        print("same totals from all three:", answers[0] == answers[1] == answers[2], answers[0])
        # --8<-- [end:count]
        add_customers(engine, 500)
        print()
        lazy_time, lazy_queries = timed(engine, totals_lazy)
        fast_time, fast_queries = timed(engine, totals_selectin)
        speedup = measured(lazy_time / fast_time, unit="×", digits=0, at_least=2)
        print(f"504 customers: lazy {lazy_queries} queries, selectinload {fast_queries} queries")
        print(f"selectinload was {speedup} faster here")
        engine.dispose()


if __name__ == "__main__":
    main()
