"""ETags and conditional requests: 304 Not Modified, 412 Precondition Failed, 428 (RFC 9110 §13)."""

from __future__ import annotations

import hashlib
import json

import httpx
from fastapi import FastAPI, Header, Response
from pydantic import BaseModel

from labkit.serve import serve_in_thread
from snippets.apis.design_app.problems import Problem, install_problem_handlers


class BookIn(BaseModel):
    """The fields a client may replace."""

    title: str
    author: str
    year: int


# --8<-- [start:etag]
def etag_of(book: dict[str, object]) -> str:
    """A strong entity tag: a hash of the exact bytes we send for this book."""
    body = json.dumps(book, separators=(",", ":")).encode()
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'  # [mark:quoted]


def matches(header: str, tag: str, *, weak: bool) -> bool:
    """Does an If-Match / If-None-Match list name `tag` (or `*`)?"""
    listed = [t.strip() for t in header.split(",")]
    if weak:  # If-None-Match: W/"x" and "x" are the same tag
        listed = [t.removeprefix("W/") for t in listed]
    return "*" in listed or tag in listed  # strong: a W/ tag never equals ours
# --8<-- [end:etag]


def create_app() -> FastAPI:
    """One book that clients read conditionally and update only with If-Match."""
    app = FastAPI()
    install_problem_handlers(app)
    books = {1: {"id": 1, "title": "Kindred", "author": "Octavia Butler", "year": 1979}}

    # --8<-- [start:get]
    @app.get("/books/{book_id}")
    def read(book_id: int, if_none_match: str | None = Header(None)) -> Response:
        book = books[book_id]
        tag = etag_of(book)
        if if_none_match and matches(if_none_match, tag, weak=True):
            return Response(status_code=304, headers={"ETag": tag})  # [mark:304]
        return Response(json.dumps(book, separators=(",", ":")), headers={"ETag": tag},
                        media_type="application/json")
    # --8<-- [end:get]

    # --8<-- [start:put]
    @app.put("/books/{book_id}")
    def replace(book_id: int, new: BookIn, if_match: str | None = Header(None)) -> Response:
        current = etag_of(books[book_id])
        if if_match is None:
            raise Problem(428, "etag-required", "Send If-Match with the ETag you last read.")
        if not matches(if_match, current, weak=False):
            raise Problem(412, "stale-etag", "Someone changed this book since you read it.",
                          headers={"ETag": current})  # [mark:412]
        books[book_id] = {"id": book_id, **new.model_dump()}
        book = books[book_id]
        return Response(json.dumps(book, separators=(",", ":")), headers={"ETag": etag_of(book)},
                        media_type="application/json")
    # --8<-- [end:put]

    return app


def main() -> None:
    """Read, re-read conditionally, then two clients race to update the same book."""
    with serve_in_thread(create_app()) as base, httpx.Client(base_url=base) as client:
        # --8<-- [start:cache]
        first = client.get("/books/1")
        tag = first.headers["etag"]
        print("GET                     ->", first.status_code, "ETag:", tag, first.text)
        again = client.get("/books/1", headers={"If-None-Match": tag})
        print("GET If-None-Match       ->", again.status_code,
              f"body: {len(again.content)} bytes, ETag: {again.headers['etag']}")
        # --8<-- [end:cache]
        # --8<-- [start:race]
        alice_tag = bob_tag = tag  # both read version 1
        fixed = {"title": "Kindred", "author": "Octavia E. Butler", "year": 1979}
        alice = client.put("/books/1", json=fixed, headers={"If-Match": alice_tag})
        print("Alice PUT If-Match      ->", alice.status_code, "new ETag:", alice.headers["etag"])
        typo = {"title": "Kindred", "author": "Octavia Butler", "year": 1997}
        bob = client.put("/books/1", json=typo, headers={"If-Match": bob_tag})
        print("Bob PUT stale If-Match  ->", bob.status_code, bob.json()["detail"])
        blind = client.put("/books/1", json=typo)
        print("PUT without If-Match    ->", blind.status_code, blind.json()["title"])
        print("stored:", client.get("/books/1").text)
        # --8<-- [end:race]


if __name__ == "__main__":
    main()
