"""An HTTP/1.1 server on a bare TCP socket: accept, read, parse, route, serialize, write.

It runs [`handle`][snippets.languages.server_apps.books.handle] for every request, keeps
connections open as HTTP/1.1 asks, and logs the bytes of every exchange so a snippet can
print them. A teaching server: it leaves out chunked bodies, pipelining limits and TLS.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

from snippets.languages.server_apps.books import handle

MAX_HEAD = 8 * 1024
"""The largest request line plus header section the server reads, in bytes."""

MAX_BODY = 64 * 1024
"""The largest request body the server accepts by default, in bytes."""

REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 413: "Content Too Large",
           501: "Not Implemented"}


@dataclass
class Log:
    """What the server saw: connections accepted, and the bytes of each request and response."""

    connections: int = 0
    exchanges: list[tuple[bytes, bytes]] = field(default_factory=list)


# --8<-- [start:parse]
def parse_head(head: bytes) -> tuple[str, str, str, dict[str, str]]:
    """Split the request line and header fields; field names are case-insensitive."""
    request_line, *lines = head.decode("latin-1").split("\r\n")
    method, target, version = request_line.split(" ")  # ValueError if not three parts
    headers = {}
    for line in lines:
        name, colon, value = line.partition(":")
        if not colon or name != name.strip():
            raise ValueError(f"malformed field line {line!r}")
        headers[name.lower()] = value.strip()
    return method, target, version, headers
# --8<-- [end:parse]


# --8<-- [start:serve]
def serve_connection(conn: socket.socket, log: Log, max_body: int | None) -> None:
    """Answer requests on one TCP connection until the client or the rules close it."""
    buffer = bytearray()
    while True:
        while b"\r\n\r\n" not in buffer:  # 2. read bytes up to the empty line
            if len(buffer) > MAX_HEAD or not (chunk := conn.recv(65536)):
                return  # the client closed the connection (or sent a huge head)
            buffer += chunk
        head, _, rest = bytes(buffer).partition(b"\r\n\r\n")
        buffer = bytearray(rest)
        try:  # 3. parse the request line and the header fields
            method, target, version, headers = parse_head(head)
            length = int(headers.get("content-length", "0"))
        except ValueError:
            method, target, version, headers, length = "", "", "", {}, -1
        keep_alive = version == "HTTP/1.1" and "close" not in headers.get("connection", "").lower()
        if length < 0 or (version == "HTTP/1.1" and "host" not in headers):
            status, document, keep_alive = 400, {"error": "bad request"}, False
        elif "transfer-encoding" in headers:  # chunked bodies: not supported here
            status, document, keep_alive = 501, {"error": "not implemented"}, False
        elif max_body is not None and length > max_body:  # [mark:limit]
            status, document, keep_alive = 413, {"error": "body too large"}, False
        else:
            while len(buffer) < length:  # 2, again: read exactly Content-Length body bytes
                if not (chunk := conn.recv(65536)):
                    return
                buffer += chunk
            body, buffer = bytes(buffer[:length]), buffer[length:]
            head += b"\r\n\r\n" + body
            status, document = handle(method, target)  # 4 and 5. route, and run the handler
        payload = json.dumps(document).encode()  # 6. serialize the response
        response = (f"HTTP/1.1 {status} {REASONS[status]}\r\n"
                    f"Content-Type: application/json\r\n"
                    f"Content-Length: {len(payload)}\r\n"  # [mark:length]
                    f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n"
                    f"\r\n").encode("latin-1") + payload
        conn.sendall(response)  # 7. write the bytes back
        log.exchanges.append((head, response))
        if not keep_alive:
            return  # 8. close, or loop to wait for the next request
# --8<-- [end:serve]


def _serve_and_close(conn: socket.socket, log: Log, max_body: int | None,
                     idle_timeout: float) -> None:
    """Serve one connection, then close it whatever happened."""
    with conn:
        conn.settimeout(idle_timeout)  # an idle keep-alive connection is closed after this
        with suppress(OSError):  # a timeout, or the client reset the connection
            serve_connection(conn, log, max_body)


# --8<-- [start:accept]
@contextmanager
def running(*, threaded: bool = False, max_body: int | None = MAX_BODY,
            idle_timeout: float = 5.0) -> Iterator[tuple[int, Log]]:
    """Listen on a free port of 127.0.0.1; yield (port, log); stop when the block ends.

    With `threaded=False` the server serves one connection at a time, in the order it
    accepted them; with `threaded=True` each connection gets a thread of its own.
    """
    log = Log()
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))  # socket, bind, listen
    listener.settimeout(0.05)  # so the loop can notice `stop`

    def accept_loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()  # 1. a client completed the TCP handshake
            except TimeoutError:
                continue
            log.connections += 1
            args = (conn, log, max_body, idle_timeout)
            if threaded:
                threading.Thread(target=_serve_and_close, args=args, daemon=True).start()
            else:
                _serve_and_close(*args)  # everyone else waits in the listen backlog

    thread = threading.Thread(target=accept_loop, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], log
    finally:
        stop.set()
        thread.join(timeout=idle_timeout + 5)
        listener.close()
# --8<-- [end:accept]
