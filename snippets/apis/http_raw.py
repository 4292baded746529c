"""Raw HTTP/1.1 over a plain socket to a real server on 127.0.0.1: 200, HEAD, 404, 405, 400."""

from __future__ import annotations

import re
import socket

from snippets.apis.http_server import serve_library

DEPENDS = ("http_server/",)


# --8<-- [start:send]
def send_raw(host: str, port: int, request: bytes) -> bytes:
    """Write the request bytes to a TCP connection and read until the server closes it."""
    with socket.create_connection((host, port), timeout=5) as conn:
        conn.sendall(request)
        chunks = []
        while chunk := conn.recv(4096):  # b"" means the server closed the connection
            chunks.append(chunk)
    return b"".join(chunks)
# --8<-- [end:send]


def show(raw: bytes) -> None:
    """Print a response line by line with its CRLFs, with the Date and Server values pinned."""
    text = raw.decode("utf-8")
    text = re.sub(r"(?m)^Date: .*?\r$", "Date: <date>\r", text)
    text = re.sub(r"(?m)^Server: .*?\r$", "Server: <server>\r", text)
    for line in text.encode().splitlines(keepends=True):
        print("   ", line)


def main() -> None:
    """Send five hand-written requests to the library server and print the raw responses."""
    with serve_library() as (host, port):
        # --8<-- [start:requests]
        requests = {
            "GET a book": b"GET /books/1 HTTP/1.1\r\nHost: library\r\nConnection: close\r\n\r\n",
            "HEAD the same book": b"HEAD /books/1 HTTP/1.1\r\nHost: library\r\n"
                                  b"Connection: close\r\n\r\n",  # [mark:head]
            "GET a book that does not exist": b"GET /books/99 HTTP/1.1\r\nHost: library\r\n"
                                              b"Connection: close\r\n\r\n",
            "DELETE the whole collection": b"DELETE /books HTTP/1.1\r\nHost: library\r\n"
                                           b"Connection: close\r\n\r\n",
            "GET without Host": b"GET /books/1 HTTP/1.1\r\nConnection: close\r\n\r\n",
        }
        for what, request in requests.items():
            print(f"--- {what}: {request.splitlines()[0].decode()}")
            show(send_raw(host, port, request))
        # --8<-- [end:requests]


if __name__ == "__main__":
    main()
