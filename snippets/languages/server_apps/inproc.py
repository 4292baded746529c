"""Call a WSGI or ASGI app in this process, with no server and no socket, for measuring."""

from __future__ import annotations

import asyncio
import io
import sys
from collections.abc import Callable
from typing import Any


def wsgi_environ(path: str) -> dict[str, Any]:
    """The environ a WSGI server would build for `GET <path>` from 127.0.0.1 (PEP 3333)."""
    return {
        "REQUEST_METHOD": "GET", "SCRIPT_NAME": "", "PATH_INFO": path, "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1:8000", "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0), "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr, "wsgi.multithread": False, "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }


def call_wsgi(app: Callable[..., Any], path: str) -> bytes:
    """One request through a WSGI app; returns the body (and closes the iterable, as servers do)."""
    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        return lambda data: None

    result = app(wsgi_environ(path), start_response)
    try:
        return b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()


def asgi_scope(path: str) -> dict[str, Any]:
    """The scope an ASGI server would build for `GET <path>` from 127.0.0.1."""
    return {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1", "method": "GET", "scheme": "http", "path": path,
            "raw_path": path.encode(), "query_string": b"", "root_path": "",
            "headers": [(b"host", b"127.0.0.1:8000")], "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000)}


async def call_asgi(app: Callable[..., Any], path: str) -> bytes:
    """One request through an ASGI app; returns the body it sent."""
    body = bytearray()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await app(asgi_scope(path), receive, send)
    return bytes(body)


def run_asgi(app: Callable[..., Any], path: str, loop: asyncio.AbstractEventLoop) -> bytes:
    """`call_asgi` on an event loop that already exists (the loop is not part of the cost)."""
    return loop.run_until_complete(call_asgi(app, path))
