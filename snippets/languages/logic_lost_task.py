"""A BackgroundTask lives in the server's memory: a deploy waits for it, a crash loses it."""

from __future__ import annotations

import multiprocessing
import signal
import tempfile
import time
from datetime import date
from functools import partial
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI

from labkit.serve import free_port, wait_for_port
from snippets.languages.logic_library.domain import Loan
from snippets.languages.logic_library.repository import InMemoryLibrary
from snippets.languages.logic_library.service import Clock, LibraryService, always
from snippets.languages.logic_library.web import create_app


def write_receipt(folder: str, loan: Loan) -> None:
    """The background task: one second of 'sending', then the receipt exists."""
    time.sleep(1.0)
    Path(folder, f"receipt-{loan.id}.txt").write_text(f"loan {loan.id}\n")


def make_app(folder: str) -> FastAPI:
    """The library app, whose borrow leaves a receipt task behind."""
    service = LibraryService(InMemoryLibrary(members={1}, books={1}), Clock(date(2025, 3, 3)))
    return create_app(always(service), after_borrow=partial(write_receipt, folder))


def run_server(folder: str, port: int) -> None:
    """The child process: uvicorn serving the app on 127.0.0.1."""
    uvicorn.run(make_app(folder), host="127.0.0.1", port=port, log_level="critical")


# --8<-- [start:stop]
def borrow_then_stop(how: signal.Signals) -> bool:
    """Borrow a book, stop the server with `how` at once; was the receipt written?"""
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        server = multiprocessing.get_context("fork").Process(
            target=run_server, args=(folder, port))
        server.start()
        try:
            wait_for_port(port)
            response = httpx.post(f"http://127.0.0.1:{port}/loans",
                                  json={"member_id": 1, "book_id": 1})
            print(f"  client got {response.status_code}; now the server gets {how.name}")
            if how == signal.SIGKILL:
                server.kill()  # sends SIGKILL  [mark:signal]
            else:
                server.terminate()  # sends SIGTERM
            server.join(timeout=20)
        finally:
            if server.is_alive():
                server.kill()
                server.join()
        return Path(folder, "receipt-1.txt").exists()
# --8<-- [end:stop]


def main() -> None:
    """A graceful stop, then a crash, each right after the response."""
    # --8<-- [start:main]
    for how, what in ((signal.SIGTERM, "a deploy stops the server"),
                      (signal.SIGKILL, "the server crashes (or the OOM killer strikes)")):
        print(f"{what}:")
        written = borrow_then_stop(how)
        print(f"  receipt written: {'yes' if written else 'no, the task died with the process'}")
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
