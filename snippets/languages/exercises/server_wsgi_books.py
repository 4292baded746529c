"""Write a WSGI application by hand.

Write `app(environ, start_response)`, a WSGI application (PEP 3333) for the library's
books, without any framework. `BOOKS` below is the catalogue. The application must:

- answer `GET /books/<id>` (the id is ASCII digits) with `200 OK`, the book as JSON, and the
  header fields `Content-Type: application/json` and a correct `Content-Length`;
- answer an id that is not in `BOOKS`, and any other path, with `404 Not Found` and the JSON
  body `{"error": "not found"}`;
- answer `HEAD /books/<id>` like GET, with the same header fields, but an empty body;
- answer any other method on `/books/<id>` with `405 Method Not Allowed` and an
  `Allow: GET, HEAD` header field (RFC 9110, section 15.5.6);
- refuse a request whose `CONTENT_LENGTH` is larger than `MAX_BODY` with
  `413 Content Too Large`, **without reading** `wsgi.input`.

Return the body as an iterable of bytes. Every error body is JSON too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

BOOKS: dict[int, dict[str, object]] = {
    1: {"id": 1, "title": "Kindred", "author": "Octavia E. Butler"},
    2: {"id": 2, "title": "The Dispossessed", "author": "Ursula K. Le Guin"},
}
MAX_BODY = 1024 * 1024


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """The books application: route, check, and answer with JSON."""
    raise NotImplementedError("write app")
