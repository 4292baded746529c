"""The book handler as an ASGI app: driven by hand with asyncio, then served by uvicorn."""

from __future__ import annotations

import asyncio
from typing import Any

from labkit.serve import serve_in_thread
from snippets.languages.server_apps.asgi import app
from snippets.languages.server_apps.client import describe, fetch

DEPENDS = ("server_apps/",)


# --8<-- [start:by-hand]
async def call_by_hand(path: str) -> None:
    """Be the server: a scope for the request, a receive that gives the body, a send that logs."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": b"", "root_path": "", "headers": [(b"host", b"127.0.0.1")],
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000)}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        print(f"send({message!r})")

    await app(scope, receive, send)
# --8<-- [end:by-hand]


def main() -> None:
    """The same app with no server, then under uvicorn on 127.0.0.1."""
    print("=== by hand, no server, no socket")
    asyncio.run(call_by_hand("/books/1"))
    # --8<-- [start:uvicorn]
    print("=== uvicorn, in a thread")
    with serve_in_thread(app) as base_url:
        print(describe(fetch(base_url, "/books/1")))
        print(describe(fetch(base_url, "/shelves")))
    # --8<-- [end:uvicorn]


if __name__ == "__main__":
    main()
