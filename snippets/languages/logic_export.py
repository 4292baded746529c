"""StreamingResponse: the client reads the first rows while the server is still exporting."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from labkit import db
from labkit.serve import serve_in_thread
from snippets.languages.logic_library.export import csv_chunks, fill_loans

ROWS = 4_000


# --8<-- [start:endpoint]
def export_rows(path: Path) -> Iterator[str]:
    """The CSV export, with its own connection that lives as long as the stream."""
    # Starlette runs each step of a plain generator on a pool thread, not always the same one.
    conn = sqlite3.connect(path, check_same_thread=False)
    try:
        yield from csv_chunks(conn)
    finally:
        conn.close()


def create_export_app(path: Path, watch: Callable[[Iterator[str]], Iterator[str]]) -> FastAPI:
    """GET /loans.csv streams the export; `watch` lets the demo observe each chunk."""
    app = FastAPI()

    @app.get("/loans.csv")
    def export() -> StreamingResponse:
        return StreamingResponse(watch(export_rows(path)), media_type="text/csv")  # [mark:stream]

    return app
# --8<-- [end:endpoint]


class Timeline:
    """Events from the server's generator and from the client, in order."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.lock = threading.Lock()
        self.client_has_rows = threading.Event()

    def add(self, event: str) -> None:
        """Record one event."""
        with self.lock:
            self.events.append(event)

    # --8<-- [start:watch]
    def watch(self, chunks: Iterator[str]) -> Iterator[str]:
        """Log each chunk the server produces; after the first rows, wait for the client."""
        for number, chunk in enumerate(chunks, 1):
            # before making chunk 3, wait (10 s at most) until the client has rows in hand
            if number == 3 and not self.client_has_rows.wait(timeout=10):
                self.add("server: the client has received nothing yet")
            self.add(f"server: chunk {number} ready ({chunk.count(chr(10))} lines)")
            yield chunk
        self.add("server: export finished")
    # --8<-- [end:watch]


def main() -> None:
    """Stream a 4,000-row export and print who did what, in order."""
    timeline = Timeline()
    with db.scratch_space() as space:
        conn = space.connect()
        fill_loans(conn, ROWS)
        app = create_export_app(Path(space.path), timeline.watch)
        with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
            # --8<-- [start:client]
            lines = 0
            with client.stream("GET", "/loans.csv") as response:
                for line in response.iter_lines():
                    lines += 1
                    if lines == 2:
                        timeline.add(f"client: first row arrived: {line}")
                        timeline.client_has_rows.set()
            timeline.add(f"client: {lines} lines in all")
            # --8<-- [end:client]
    for number, event in enumerate(timeline.events, 1):
        print(f"{number:>2}. {event}")


if __name__ == "__main__":
    main()
