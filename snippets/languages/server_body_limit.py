"""Pitfall: reading whatever body a client announces. The fix: refuse it before reading (413)."""

from __future__ import annotations

import socket

from flask import Flask, request

from labkit.serve import serve_wsgi_in_thread
from snippets.languages.server_apps.raw import running

DEPENDS = ("server_apps/",)

ANNOUNCED = 8_000_000
"""The body size the client announces in Content-Length: 8 MB."""


def exchange(port: int, data: bytes) -> bytes:
    """Send `data` over a new TCP connection and read the reply until the server closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(data)
        reply = b""
        while chunk := conn.recv(65536):
            reply += chunk
    return reply


def status_line(reply: bytes) -> str:
    """The first line of a response, as text."""
    return reply.split(b"\r\n", 1)[0].decode()


# --8<-- [start:head]
HEAD = (f"POST /books/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        f"Content-Length: {ANNOUNCED}\r\n\r\n").encode()
# --8<-- [end:head]


def main() -> None:
    """The same announcement to a server without a limit, one with a limit, and Flask."""
    # --8<-- [start:raw]
    with running(max_body=None) as (port, log):  # no limit: read whatever is announced
        reply = exchange(port, HEAD + b"x" * ANNOUNCED)
    print(f"no limit:  read {len(log.exchanges[0][0]):,} bytes into memory, then answered "
          f"{status_line(reply)!r}")
    with running(max_body=64 * 1024) as (port, log):  # 64 KiB: refuse before reading
        reply = exchange(port, HEAD)  # the head alone: the server must not wait for the body
    print(f"64 KiB:    answered {status_line(reply)!r} after the head alone")
    # --8<-- [end:raw]
    # --8<-- [start:flask]
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024  # Flask's default is None: no limit

    @app.post("/books/1")
    def upload() -> dict[str, int]:
        return {"received": len(request.get_data())}  # reading the body checks the limit

    with serve_wsgi_in_thread(app) as base_url:
        reply = exchange(int(base_url.rsplit(":", 1)[1]), HEAD)
    print(f"Flask:     answered {status_line(reply)!r} after the head alone")
    # --8<-- [end:flask]


if __name__ == "__main__":
    main()
