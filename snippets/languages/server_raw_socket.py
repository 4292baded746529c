"""An HTTP server from a bare socket, called by httpx: the bytes that really cross the wire."""

from __future__ import annotations

import re

import httpx

from snippets.languages.server_apps.raw import running

DEPENDS = ("server_apps/",)


def show(raw: bytes) -> None:
    """Print a message line by line, CRLFs visible, with the port in Host pinned."""
    raw = re.sub(rb"127\.0\.0\.1:\d+", b"127.0.0.1:<port>", raw)
    for line in raw.splitlines(keepends=True):
        print("   ", line)


def main() -> None:
    """Two requests from one httpx client, then everything the server received and sent."""
    # --8<-- [start:call]
    with running() as (port, log), httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        for path in ("/books/1", "/books/2"):  # two requests, one client: one connection?
            response = client.get(path)
            print(f"httpx: GET {path} -> {response.status_code} {response.json()}")
    print(f"server: {len(log.exchanges)} requests on {log.connections} TCP connection(s)")
    for number, (request, reply) in enumerate(log.exchanges, start=1):
        print(f"--- request {number}, as the server read it")
        show(request)
        print(f"--- response {number}, as the server wrote it")
        show(reply)
    # --8<-- [end:call]


if __name__ == "__main__":
    main()
