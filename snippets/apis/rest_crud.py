"""A full CRUD round trip on the library's books, against a real uvicorn server on loopback."""

from __future__ import annotations

import httpx

from labkit.serve import serve_process
from snippets.apis.rest_app.trace import show

DEPENDS = ("rest_app/",)

DISPOSSESSED = {"title": "The Dispossessed", "author": "Ursula K. Le Guin",
                "year": 1974, "isbn": "9780060512750"}
KINDRED = {"title": "Kindred", "author": "Octavia Butler", "year": 1979,
           "isbn": "9780807083697"}


def main() -> None:
    """Create, read, replace, patch and delete books over real HTTP."""
    # --8<-- [start:serve]
    with (serve_process("snippets.apis.rest_app:app") as base_url,  # [mark:uvicorn]
          httpx.Client(base_url=base_url) as client):
        # --8<-- [end:serve]
        # --8<-- [start:create]
        created = client.post("/books", json=DISPOSSESSED)
        show(created)
        show(client.post("/books", json=KINDRED))
        show(client.get(created.headers["Location"]))  # [mark:follow]
        show(client.get("/books"))
        # --8<-- [end:create]
        # --8<-- [start:update]
        show(client.put("/books/2", json={**KINDRED, "author": "Octavia E. Butler"}))
        show(client.patch("/books/1", json={"year": 1975}))  # [mark:patch]
        # --8<-- [end:update]
        # --8<-- [start:delete]
        show(client.delete("/books/1"))
        show(client.get("/books/1"))
        show(client.get("/books"))
        # --8<-- [end:delete]

if __name__ == "__main__":
    main()
