"""The library API's errors, 404, 409 and 422, tested in-process with FastAPI's TestClient."""

from __future__ import annotations

from fastapi.testclient import TestClient

from snippets.apis.rest_app import create_app
from snippets.apis.rest_app.trace import show

DEPENDS = ("rest_app/",)

KINDRED = {"title": "Kindred", "author": "Octavia E. Butler", "year": 1979,
           "isbn": "9780807083697"}
DAWN = {"title": "Dawn", "author": "Octavia E. Butler", "year": 1987, "isbn": "9780446603775"}


def main() -> None:
    """Send requests that fail, one per kind of failure, and print what comes back."""
    # --8<-- [start:client]
    with TestClient(create_app()) as client:  # [mark:in-process]
        client.post("/books", json=KINDRED)
        client.post("/books", json=DAWN)
        # --8<-- [end:client]
        # --8<-- [start:requests]
        # --8<-- [start:missing]
        show(client.get("/books/42"))
        show(client.delete("/books/42"))
        # --8<-- [end:missing]
        # --8<-- [start:conflict]
        show(client.post("/books", json={**KINDRED, "title": "Kindred (reissue)"}))
        show(client.patch("/books/2", json={"isbn": KINDRED["isbn"]}))
        # --8<-- [end:conflict]
        # --8<-- [start:invalid]
        show(client.post("/books", json={"title": "", "year": "next year", "isbn": "12"}))
        # --8<-- [end:invalid]
        # --8<-- [start:invalid-more]
        show(client.get("/books/first"))
        show(client.patch("/books/1", json={"year": None}))
        show(client.patch("/books/1", json={"titel": "Kindred"}))
        # --8<-- [end:invalid-more]
        # --8<-- [end:requests]


if __name__ == "__main__":
    main()
