"""Hidden checks for the server_wsgi_books exercise."""

from __future__ import annotations

import io
import json
import sys
from types import ModuleType
from typing import Any


class Unreadable(io.RawIOBase):
    """A wsgi.input that fails the check if anyone reads it."""

    def read(self, size: int = -1) -> bytes:
        raise AssertionError("the app read wsgi.input; decide from CONTENT_LENGTH first")

    readline = read


def call(module: ModuleType, method: str, path: str,
         content_length: str = "") -> tuple[str, dict[str, str], bytes]:
    """Call the app like a WSGI server would; return (status, headers, body)."""
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "",
               "SCRIPT_NAME": "", "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80",
               "SERVER_PROTOCOL": "HTTP/1.1", "CONTENT_LENGTH": content_length,
               "wsgi.version": (1, 0), "wsgi.url_scheme": "http",
               "wsgi.input": Unreadable() if content_length else io.BytesIO(b""),
               "wsgi.errors": sys.stderr, "wsgi.multithread": False,
               "wsgi.multiprocess": False, "wsgi.run_once": False}
    seen: list[tuple[str, list[tuple[str, str]]]] = []

    def start_response(status: str, headers: list[tuple[str, str]],
                       exc_info: Any = None) -> Any:
        seen.append((status, headers))
        return lambda data: None

    result = module.app(environ, start_response)
    assert not isinstance(result, (bytes, str)), (
        "return an iterable of bytes, e.g. [payload], not bytes itself: iterating bytes "
        "gives integers, which a server cannot write")
    body = b"".join(result)
    assert len(seen) == 1, f"call start_response exactly once, it was called {len(seen)} times"
    status, headers = seen[0]
    return status, {name.lower(): value for name, value in headers}, body


def check_get_a_book(module: ModuleType) -> None:
    """GET /books/2: 200, JSON, the right Content-Length."""
    status, headers, body = call(module, "GET", "/books/2")
    assert status == "200 OK", f"GET /books/2 should be '200 OK', got {status!r}"
    assert headers.get("content-type") == "application/json", f"got headers {headers!r}"
    assert json.loads(body)["title"] == "The Dispossessed", f"got body {body!r}"
    assert headers.get("content-length") == str(len(body)), (
        f"Content-Length must be the body's length in bytes ({len(body)}), "
        f"got {headers.get('content-length')!r}")


def check_not_found(module: ModuleType) -> None:
    """An unknown id, a non-number and another path: 404 with a JSON body."""
    for path in ("/books/99", "/books/abc", "/shelves", "/books/1/extra"):
        status, headers, body = call(module, "GET", path)
        assert status == "404 Not Found", f"GET {path} should be 404, got {status!r}"
        assert json.loads(body) == {"error": "not found"}, f"GET {path}: got body {body!r}"
        assert headers.get("content-type") == "application/json"


def check_head(module: ModuleType) -> None:
    """HEAD /books/1: the same status and header fields as GET, no body."""
    get = call(module, "GET", "/books/1")
    head = call(module, "HEAD", "/books/1")
    assert head[0] == "200 OK", f"HEAD should be 200, got {head[0]!r}"
    assert head[2] == b"", f"a response to HEAD has no body, got {head[2]!r}"
    assert head[1].get("content-length") == get[1].get("content-length"), (
        "HEAD's Content-Length should be the size GET's body would have")


def check_method_not_allowed(module: ModuleType) -> None:
    """DELETE /books/1: 405 with Allow: GET, HEAD."""
    for method in ("DELETE", "PUT", "POST"):
        status, headers, body = call(module, method, "/books/1")
        assert status == "405 Method Not Allowed", f"{method} should be 405, got {status!r}"
        allowed = {m.strip() for m in headers.get("allow", "").split(",")}
        assert allowed == {"GET", "HEAD"}, f"Allow should list GET and HEAD, got {headers!r}"
        json.loads(body)


def check_body_limit(module: ModuleType) -> None:
    """A body announced above MAX_BODY: 413, and wsgi.input never read."""
    too_big = str(module.MAX_BODY + 1)
    status, _, body = call(module, "POST", "/books/1", content_length=too_big)
    assert status == "413 Content Too Large", f"expected 413 for {too_big} bytes, got {status!r}"
    json.loads(body)
