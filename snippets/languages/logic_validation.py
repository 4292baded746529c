"""Validate at the boundary: bad input becomes a 422 before the service ever runs."""

from __future__ import annotations

from datetime import date

import httpx

from labkit.serve import serve_in_thread
from snippets.languages.logic_library.domain import Loan
from snippets.languages.logic_library.repository import InMemoryLibrary
from snippets.languages.logic_library.service import Clock, LibraryService, always
from snippets.languages.logic_library.web import create_app


class CountingService(LibraryService):
    """The real service, counting how often the HTTP layer reached it."""

    calls = 0

    def borrow(self, member_id: int, book_id: int) -> Loan:
        """Count the call, then borrow as usual."""
        self.calls += 1
        return super().borrow(member_id, book_id)


def money() -> None:
    """Why fines are integer cents: floats drift, integers don't."""
    # --8<-- [start:money]
    as_float = sum([0.1] * 10)       # ten fines of 0.10, as floats
    as_cents = sum([10] * 10)        # the same, in integer cents
    print(f"floats: {as_float!r} == 1.0? {as_float == 1.0}")
    print(f"cents:  {as_cents} == 100?   {as_cents == 100}")
    # --8<-- [end:money]


def main() -> None:
    """Send five malformed bodies and one good one; count what reached the service."""
    service = CountingService(InMemoryLibrary(members={1}, books={1, 2}), Clock(date(2025, 3, 3)))
    app = create_app(always(service))
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        # --8<-- [start:requests]
        bodies: list[object] = [
            {"member_id": "one", "book_id": 1},          # not a number
            {"member_id": "1", "book_id": 1},            # a number in a string: strict says no
            {"member_id": 1, "book_id": -4},             # not positive
            {"member_id": 1},                            # book_id missing
            {"member_id": 1, "book_id": 1, "fine": 0},   # a field the API does not take
            {"member_id": 1, "book_id": 1},              # fine
        ]
        for body in bodies:
            response = client.post("/loans", json=body)
            errors = [f"{e['loc'][-1]}: {e['type']}" for e in response.json().get("detail", [])]
            print(f"{response.status_code} {errors or 'created'}  <- {body}")
        print(f"requests that reached the service: {service.calls}")
        # --8<-- [end:requests]
    money()


if __name__ == "__main__":
    main()
