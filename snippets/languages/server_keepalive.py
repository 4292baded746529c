"""Pitfall: a response with no Content-Length on a connection that stays open never ends."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import httpx

BODY = b'{"id": 1, "title": "Kindred"}'


# --8<-- [start:sloppy]
def answer_without_length(conn: socket.socket, *, close: bool) -> None:
    """Read one request head, answer with no Content-Length, then close or keep the connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(4096)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + BODY)
    if not close:  # keep-alive: wait for the client's next request, or for it to leave
        conn.recv(4096)
# --8<-- [end:sloppy]


@contextmanager
def one_connection_server(*, close: bool) -> Iterator[str]:
    """Serve one connection with `answer_without_length` on a free port; yield the base URL."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.settimeout(5)
            with suppress(OSError):
                answer_without_length(conn, close=close)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        thread.join(timeout=10)
        listener.close()


def main() -> None:
    """The same response twice: once the server keeps the connection, once it closes it."""
    # --8<-- [start:clients]
    for close in (False, True):
        with one_connection_server(close=close) as base_url, \
                httpx.Client(base_url=base_url, timeout=1.0) as client:
            try:
                response = client.get("/books/1")
                outcome = f"{response.status_code}, body {response.content!r}"
            except httpx.ReadTimeout:
                outcome = "ReadTimeout after 1 s: the client is still waiting for the body to end"
        print(f"server {'closes' if close else 'keeps'} the connection: {outcome}")
    # --8<-- [end:clients]


if __name__ == "__main__":
    main()
