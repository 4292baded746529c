"""Count and time the library API's requests with Prometheus metrics, then scrape and parse them."""

from __future__ import annotations

import sqlite3
import tempfile
import threading
import time
from pathlib import Path

import httpx

from labkit.serve import serve_in_thread
from snippets.devops.obs_kit.health import Database
from snippets.devops.obs_kit.scrape import Scrape, scrape, scrape_when_idle
from snippets.devops.obs_kit.service import Observability, observable_app

BOOKS = [("Dune", "Frank Herbert", 1965, "9780441013593"),
         ("Kindred", "Octavia E. Butler", 1979, "9780807083697"),
         ("Ubik", "Philip K. Dick", 1969, "9780547572291")]


def traffic(client: httpx.Client) -> None:
    """A known mix: 3 books created, one duplicate, reads, misses and a scanner probe."""
    # --8<-- [start:traffic]
    for title, author, year, isbn in BOOKS:
        client.post("/books", json={"title": title, "author": author, "year": year, "isbn": isbn})
    client.post("/books", json={"title": "Dune again", "author": "F. H.", "year": 1965,
                                "isbn": BOOKS[0][3]})                       # 409: ISBN taken
    for _ in range(2):
        client.get("/books")
    for book_id in (1, 1, 2, 3, 99, 100):                                     # 99, 100: 404
        client.get(f"/books/{book_id}")
    for _ in range(3):
        client.get("/books/1/availability")
    client.get("/wp-login.php")                                               # no such route
    # --8<-- [end:traffic]


def show_counts(result: Scrape) -> None:
    """Print every request-counter series, then the histogram's observation counts."""
    # --8<-- [start:show]
    print("library_http_requests_total")
    for labels, value in result.series("library_http_requests_total"):
        print(f"  {labels['method']:<5} {labels['route']:<30} {labels['status']}  {value:g}")
    print("library_http_request_duration_seconds_count")
    for route in ("/books", "/books/{book_id}", "/books/{book_id}/availability"):
        count = result.value("library_http_request_duration_seconds_count",
                             method="GET", route=route)
        print(f"  GET   {route:<30}      {count:g}")
    print(f"library_http_requests_in_flight {result.value('library_http_requests_in_flight'):g}")
    # --8<-- [end:show]


def show_raw(text: str) -> None:
    """Print the counter's lines of the text exposition for one route, as Prometheus reads them."""
    # --8<-- [start:raw]
    for line in text.splitlines():
        if "library_http_requests_total" in line and ("# " in line or 'route="/books"' in line):
            print("  " + line)
    # --8<-- [end:raw]


def in_flight_demo(client: httpx.Client, db: Database) -> None:
    """Hold an exclusive lock on the database so two requests wait; watch the gauge."""
    # --8<-- [start:inflight]
    blocker = sqlite3.connect(db.path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")                    # readers now wait for the lock
    waiting = [threading.Thread(target=client.get, args=("/books/2/availability",))
               for _ in range(2)]
    for thread in waiting:
        thread.start()
    try:
        deadline = time.monotonic() + 4
        while scrape(client).value("library_http_requests_in_flight") < 2:
            if time.monotonic() > deadline:
                raise TimeoutError("the two requests never became in flight")
            time.sleep(0.02)
        print("while the database is locked: in flight =",
              f"{scrape(client).value('library_http_requests_in_flight'):g}")
    finally:
        blocker.execute("COMMIT")                         # the lock goes, both requests finish
        blocker.close()
    for thread in waiting:
        thread.join()
    print("after the lock is released:   in flight =",
          f"{scrape_when_idle(client).value('library_http_requests_in_flight'):g}")
    # --8<-- [end:inflight]


def main() -> None:
    """Serve the wrapped API, send a known mix of requests, scrape /metrics and parse it."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "loans.db")
        db.create()
        # --8<-- [start:serve]
        app = observable_app(db, Observability())
        with serve_in_thread(app) as base, httpx.Client(base_url=base, timeout=10) as client:
            traffic(client)
            page = client.get("/metrics")
            print("GET /metrics ->", page.status_code, page.headers["content-type"])
            show_raw(page.text)
            show_counts(scrape_when_idle(client))
            in_flight_demo(client, db)
        # --8<-- [end:serve]


if __name__ == "__main__":
    main()
