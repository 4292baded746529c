"""Reference solution: a WSGI application by hand."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

BOOKS: dict[int, dict[str, object]] = {
    1: {"id": 1, "title": "Kindred", "author": "Octavia E. Butler"},
    2: {"id": 2, "title": "The Dispossessed", "author": "Ursula K. Le Guin"},
}
MAX_BODY = 1024 * 1024
STATUS = {200: "200 OK", 404: "404 Not Found", 405: "405 Method Not Allowed",
          413: "413 Content Too Large"}


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """The books application: route, check, and answer with JSON."""
    method = environ["REQUEST_METHOD"]
    headers: list[tuple[str, str]] = []
    match = re.fullmatch(r"/books/([0-9]+)", environ.get("PATH_INFO", ""))
    length = environ.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > MAX_BODY:  # decide before reading wsgi.input
        status, document = 413, {"error": "body too large"}
    elif match is None:
        status, document = 404, {"error": "not found"}
    elif method not in ("GET", "HEAD"):
        status, document = 405, {"error": "method not allowed"}
        headers.append(("Allow", "GET, HEAD"))
    elif int(match[1]) not in BOOKS:
        status, document = 404, {"error": "not found"}
    else:
        status, document = 200, BOOKS[int(match[1])]
    payload = json.dumps(document).encode()
    start_response(STATUS[status], [("Content-Type", "application/json"),
                                    ("Content-Length", str(len(payload))), *headers])
    return [b""] if method == "HEAD" else [payload]
