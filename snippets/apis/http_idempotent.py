"""Send each request twice, as a client retrying after a timeout would: PUT, POST, DELETE."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from snippets.apis.http_server import serve_library

DEPENDS = ("http_server/",)

LIBRARIAN = {"Authorization": "Bearer librarian-token"}
KINDRED = {"title": "Kindred", "author": "Octavia E. Butler", "year": 1979,
           "isbn": "978-0807083697"}


# --8<-- [start:twice]
def twice(client: httpx.Client, method: str, path: str, state: Callable[[], object],
          json: object) -> None:
    """Send the same request two times; print both statuses and the state after each."""
    for attempt in (1, 2):
        response = client.request(method, path, headers=LIBRARIAN, json=json)
        print(f"  {method} {path} #{attempt}: {response.status_code}, then {state()}")
# --8<-- [end:twice]


def main() -> None:
    """Retry a PUT, a POST and a DELETE once each, and watch the server's state."""
    with serve_library() as (host, port), \
            httpx.Client(base_url=f"http://{host}:{port}") as client:
        # --8<-- [start:retry]
        def year() -> str:
            return f"year of book 1: {client.get('/books/1').json()['year']}"

        def books() -> str:
            return f"books: {len(client.get('/books').json())}"

        def loans() -> str:
            return f"loans: {len(client.get('/loans').json())}"

        twice(client, "PUT", "/books/1", year, json={**KINDRED, "year": 1980})
        loan = {"book_id": 1, "member": "ada", "due": "2025-07-01"}
        twice(client, "POST", "/loans", loans, json=loan)  # [mark:post]
        twice(client, "DELETE", "/books/1", books, json=None)
        print("the loans:", client.get("/loans").json())
        # --8<-- [end:retry]


if __name__ == "__main__":
    main()
