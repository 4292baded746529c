"""Pure business rules tested without a server or a database, and what that saves."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from labkit import db
from labkit.measure import measured
from labkit.serve import serve_in_thread
from snippets.languages.logic_library import domain
from snippets.languages.logic_library.repository import InMemoryLibrary
from snippets.languages.logic_library.service import Clock, LibraryService
from snippets.languages.logic_library.sqlite_repo import create_library, sqlite_services
from snippets.languages.logic_library.web import create_app

DUE = date(2025, 3, 17)
BORROWS = 100


def fine_table() -> None:
    """The fine rule, called directly: no app, no database, no clock."""
    # --8<-- [start:fines]
    for days_late in (-2, 0, 3, 4, 10, 22, 23, 365):
        cents = domain.fine_cents(DUE, DUE + timedelta(days=days_late))
        print(f"returned {days_late:>4} days late -> fine {cents:>3} cents")
    # --8<-- [end:fines]


def eligibility() -> None:
    """The borrowing rule on hand-made loans: every refusal is a typed exception."""
    # --8<-- [start:eligibility]
    today = date(2025, 3, 20)
    fresh = domain.Loan(1, 7, 11, borrowed_on=today, due_on=domain.due_date(today))
    late = domain.Loan(2, 7, 12, borrowed_on=date(2025, 3, 1), due_on=date(2025, 3, 15))
    for held in ([], [fresh], [fresh, fresh, fresh], [late]):
        try:
            domain.check_can_borrow(held, today)
            verdict = "may borrow"
        except domain.DomainError as refusal:
            verdict = f"refused: {type(refusal).__name__}"
        print(f"holding {len(held)} loan(s), {sum(x is late for x in held)} overdue -> {verdict}")
    # --8<-- [end:eligibility]


def borrow_in_memory() -> float:
    """Seconds for BORROWS borrows through the service over the in-memory fake."""
    # --8<-- [start:fake]
    repo = InMemoryLibrary(members=set(range(1, BORROWS + 1)), books=set(range(1, BORROWS + 1)))
    service = LibraryService(repo, Clock(date(2025, 3, 3)))
    start = time.perf_counter()
    for n in range(1, BORROWS + 1):
        service.borrow(member_id=n, book_id=n)
    return time.perf_counter() - start
    # --8<-- [end:fake]


def borrow_over_http() -> float:
    """Seconds for the same borrows through uvicorn, FastAPI and a SQLite file."""
    with db.scratch_space() as space:
        path = Path(space.path)
        create_library(path, members=range(1, BORROWS + 1), books=range(1, BORROWS + 1))
        app = create_app(sqlite_services(path, Clock(date(2025, 3, 3))))
        with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
            start = time.perf_counter()
            for n in range(1, BORROWS + 1):
                client.post("/loans", json={"member_id": n, "book_id": n}).raise_for_status()
            return time.perf_counter() - start


def main() -> None:
    """Print the rules' answers, then time one use case both ways."""
    fine_table()
    eligibility()
    # --8<-- [start:compare]
    fake, http = borrow_in_memory(), borrow_over_http()
    print(f"{BORROWS} borrows through the service and the fake: "
          f"{measured(fake * 1000, unit=' ms', at_most=100)}")
    print(f"the same through HTTP and SQLite took "
          f"{measured(http / fake, unit='×', at_least=20, digits=0)} as long")
    # --8<-- [end:compare]


if __name__ == "__main__":
    main()
