"""The same borrow endpoint, factored into layers: HTTP, service, rules, SQLite repository."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx

from labkit import db
from labkit.serve import serve_in_thread
from snippets.languages.logic_library.service import Clock
from snippets.languages.logic_library.sqlite_repo import create_library, sqlite_services
from snippets.languages.logic_library.web import create_app

TODAY = date(2025, 3, 3)


def show(label: str, response: httpx.Response) -> None:
    """One line per request: what was asked, the status, the body."""
    print(f"{label:<22} {response.status_code} {response.text}")


def main() -> None:
    """Replay the tangled requests on the layered app, then return a book late."""
    with db.scratch_space() as space:
        path = Path(space.path)
        create_library(path, members=[1], books=range(1, 6))
        clock = Clock(TODAY)
        # --8<-- [start:wire]
        app = create_app(sqlite_services(path, clock))  # the composition root
        # --8<-- [end:wire]
        with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
            # --8<-- [start:requests]
            for book_id in (1, 2, 3, 4):
                show(f"borrow book {book_id}",
                     client.post("/loans", json={"member_id": 1, "book_id": book_id}))
            show("member 'one'", client.post("/loans", json={"member_id": "one", "book_id": 5}))
            clock.advance(20)  # 2025-03-23: six days past the due date
            show("return loan 1", client.post("/loans/1/return"))
            show("borrow book 5", client.post("/loans", json={"member_id": 1, "book_id": 5}))
            show("return loan 1 again", client.post("/loans/1/return"))
            # --8<-- [end:requests]


if __name__ == "__main__":
    main()
