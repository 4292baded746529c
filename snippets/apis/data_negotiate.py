"""Content negotiation: one FastAPI endpoint answers JSON or XML by the Accept header, else 406."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import httpx
from fastapi import FastAPI, Request, Response

from labkit.serve import serve_in_thread

BOOKS = {1: {"id": "1", "title": "The Dispossessed", "author": "Ursula K. Le Guin",
             "year": 1974, "isbn": "9780060512750"}}
AVAILABLE = ("application/json", "application/xml")  # in order of preference


# --8<-- [start:accept]
def parse_accept(header: str) -> list[tuple[str, float]]:
    """Split an Accept header into (media range, q) pairs (RFC 9110, section 12.5.1)."""
    ranges = []
    for item in header.split(","):
        media_range, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                quality = float(value)
        if media_range:
            ranges.append((media_range.lower(), quality))
    return ranges


def choose(header: str | None, available: tuple[str, ...] = AVAILABLE) -> str | None:
    """The available type the client prefers most, or None if it accepts none of them."""
    if not header:
        return available[0]  # no Accept header: the client takes anything
    ranges = parse_accept(header)
    best, best_q = None, 0.0
    for media_type in available:
        kind = media_type.split("/")[0]
        # the most specific range that matches decides this type's q
        for pattern in (media_type, f"{kind}/*", "*/*"):  # [mark:specific]
            matches = [q for media_range, q in ranges if media_range == pattern]
            if matches:
                if matches[0] > best_q:  # ties keep the server's own order
                    best, best_q = media_type, matches[0]
                break
    return best  # q=0 means "not acceptable", so it never wins  # [mark:q-zero]
# --8<-- [end:accept]


# --8<-- [start:app]
app = FastAPI()


def book_as_xml(book: dict[str, object]) -> bytes:
    """One book as `<book id="1"><title>...</title>...</book>`."""
    root = ET.Element("book", id=str(book["id"]))
    for field in ("title", "author", "year", "isbn"):
        ET.SubElement(root, field).text = str(book[field])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@app.get("/books/{book_id}")
def get_book(book_id: int, request: Request) -> Response:
    """The same book, as JSON or XML, whichever the client's Accept header prefers."""
    headers = {"Vary": "Accept"}  # caches must key on Accept too  # [mark:vary]
    media_type = choose(request.headers.get("accept"))
    if media_type is None:
        problem = {"title": "Not Acceptable", "status": 406, "available": list(AVAILABLE)}
        return Response(json.dumps(problem), status_code=406,  # [mark:406]
                        media_type="application/problem+json", headers=headers)
    book = BOOKS[book_id]
    if media_type == "application/xml":
        return Response(book_as_xml(book), media_type=media_type, headers=headers)
    return Response(json.dumps(book), media_type=media_type, headers=headers)
# --8<-- [end:app]


def main() -> None:
    """Ask a real server on 127.0.0.1 for the same book with six Accept headers."""
    # --8<-- [start:run]
    accepts = [
        "application/json",
        "application/xml",
        "application/xml;q=0.5, application/json;q=0.9",
        "application/json;q=0, */*",
        "*/*",
        "text/html",
    ]
    with serve_in_thread(app) as base_url, httpx.Client(base_url=base_url) as client:
        for accept in accepts:
            response = client.get("/books/1", headers={"Accept": accept})
            print(f"Accept: {accept}")
            print(f"  {response.status_code} {response.reason_phrase}"
                  f" | Content-Type: {response.headers['content-type']}"
                  f" | Vary: {response.headers['vary']}")
            print(f"  {response.text.replace(chr(10), '')}")
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
