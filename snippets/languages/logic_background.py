"""BackgroundTasks: the response goes out first, the slow email is sent after it."""

from __future__ import annotations

import threading
import time
from datetime import date

import httpx

from labkit.serve import serve_in_thread
from snippets.languages.logic_library.domain import Loan
from snippets.languages.logic_library.repository import InMemoryLibrary
from snippets.languages.logic_library.service import Clock, LibraryService, always
from snippets.languages.logic_library.web import create_app

EMAIL_SECONDS = 0.5  # a slow mail server


class EventLog:
    """Events from the client, the service and the mailer, in the order they happened."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.lock = threading.Lock()
        self.mailed = threading.Event()

    def add(self, event: str) -> None:
        """Record one event (called from several threads)."""
        with self.lock:
            self.events.append(event)


class LoggingService(LibraryService):
    """The real service, noting when a loan is created."""

    def __init__(self, log: EventLog, *, email_inline: bool = False) -> None:
        super().__init__(InMemoryLibrary(members={1}, books={1}), Clock(date(2025, 3, 3)))
        self.log, self.email_inline = log, email_inline

    def borrow(self, member_id: int, book_id: int) -> Loan:
        """Borrow, note it, and (in the 'before' version) send the email right here."""
        loan = super().borrow(member_id, book_id)
        self.log.add(f"service: loan {loan.id} saved")
        if self.email_inline:
            send_receipt(self.log, loan)
        return loan


def send_receipt(log: EventLog, loan: Loan) -> None:
    """Pretend to send an email receipt: it takes EMAIL_SECONDS."""
    time.sleep(EMAIL_SECONDS)
    log.add(f"mailer: receipt for loan {loan.id} sent")
    log.mailed.set()


def borrow_once(*, in_background: bool) -> list[str]:
    """Borrow once; return the events in the order they happened."""
    log = EventLog()
    service = LoggingService(log, email_inline=not in_background)
    # --8<-- [start:wire]
    after = (lambda loan: send_receipt(log, loan)) if in_background else None
    app = create_app(always(service), after_borrow=after)  # [mark:after]
    # --8<-- [end:wire]
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        response = client.post("/loans", json={"member_id": 1, "book_id": 1})
        log.add(f"client: got {response.status_code}")
        log.mailed.wait(timeout=10)  # keep the server up until the email is out
    return log.events


def main() -> None:
    """The same borrow, with the email sent inline and then as a background task."""
    for label, in_background in (("email sent inside the request", False),
                                 ("email sent as a BackgroundTask", True)):
        print(f"{label}:")
        for number, event in enumerate(borrow_once(in_background=in_background), 1):
            print(f"  {number}. {event}")


if __name__ == "__main__":
    main()
