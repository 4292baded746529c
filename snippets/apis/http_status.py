"""The status codes that matter, each one really returned by the library server."""

from __future__ import annotations

import httpx

from snippets.apis.http_server import serve_library

DEPENDS = ("http_server/",)

SHOWN = ("location", "allow", "www-authenticate", "etag")
"""The response header fields worth printing next to the status."""

LIBRARIAN = {"Authorization": "Bearer librarian-token"}
MEMBER = {"Authorization": "Bearer member-token"}
BOOK = {"title": "The Dispossessed", "author": "Ursula K. Le Guin", "year": 1974,
        "isbn": "978-0061054884"}


def line(what: str, response: httpx.Response) -> None:
    """One line per exchange: what was sent, the status, the header fields that explain it."""
    shown = "  ".join(f"{name}: {response.headers[name]}" for name in SHOWN
                      if name in response.headers)
    print(f"{what:<34} {response.status_code} {response.reason_phrase:<22} {shown}".rstrip())


def main() -> None:
    """Walk through success, redirect, client-error and server-error answers."""
    with serve_library() as (host, port), \
            httpx.Client(base_url=f"http://{host}:{port}") as client:
        # --8<-- [start:writes]
        line("POST /books, no credentials", client.post("/books", json=BOOK))
        line("POST /books as a member", client.post("/books", json=BOOK, headers=MEMBER))
        line("POST /books as text/plain", client.post(
            "/books", content=b"The Dispossessed", headers={**LIBRARIAN,
                                                             "Content-Type": "text/plain"}))
        line("POST /books, broken JSON", client.post(
            "/books", content=b'{"title": ', headers={**LIBRARIAN,
                                                       "Content-Type": "application/json"}))
        line("POST /books, no isbn", client.post(
            "/books", json={**BOOK, "isbn": None}, headers=LIBRARIAN))
        created = client.post("/books", json=BOOK, headers=LIBRARIAN)  # [mark:created]
        line("POST /books", created)
        line("POST /books again, same ISBN", client.post("/books", json=BOOK, headers=LIBRARIAN))
        # --8<-- [end:writes]
        # --8<-- [start:reads]
        location = created.headers["location"]
        first = client.get(location)
        line(f"GET {location}", first)
        line(f"GET {location}, If-None-Match", client.get(
            location, headers={"If-None-Match": first.headers["etag"]}))
        line(f"PUT {location}, If-Match", client.put(
            location, json={**BOOK, "year": 1975},
            headers={**LIBRARIAN, "If-Match": first.headers["etag"]}))
        line(f"PUT {location}, same old If-Match", client.put(
            location, json={**BOOK, "year": 1976},
            headers={**LIBRARIAN, "If-Match": first.headers["etag"]}))
        line(f"DELETE {location}", client.delete(location, headers=LIBRARIAN))
        line(f"GET {location}", client.get(location))
        line(f"PATCH {location}", client.patch(location, json={"year": 1974}))
        line("GET /catalogue", client.get("/catalogue"))
        line("BREW /books", client.request("BREW", "/books"))
        # --8<-- [end:reads]


if __name__ == "__main__":
    main()
