"""Dependencies that misbehave, as raw sockets on 127.0.0.1: one never answers, one trickles."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


def _serve(listener: socket.socket, stop: threading.Event, trickle: float | None) -> None:
    """Accept connections; say nothing (trickle None) or send a body one byte at a time."""
    listener.settimeout(0.05)
    open_connections: list[socket.socket] = []
    try:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            open_connections.append(conn)
            if trickle is not None:
                threading.Thread(target=_trickle, args=(conn, stop, trickle), daemon=True).start()
    finally:
        for conn in open_connections:
            conn.close()  # the hanging client finally sees the connection drop


def _trickle(conn: socket.socket, stop: threading.Event, every: float) -> None:
    """Answer 200 with a 10-byte body, sending one byte every `every` seconds."""
    try:
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\n")
        for _ in range(10):
            if stop.wait(every):
                return
            conn.sendall(b".")
    except OSError:
        return


@contextmanager
def misbehaving_server(trickle: float | None = None) -> Iterator[str]:
    """A server that accepts connections and never answers (or trickles); yields its URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()
    thread = threading.Thread(target=_serve, args=(listener, stop, trickle), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()
