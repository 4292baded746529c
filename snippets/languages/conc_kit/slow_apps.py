"""The same slow endpoint twice: as a blocking WSGI app and as an async ASGI app.

Both pretend to query a database that takes `DB_WAIT` seconds to answer, then return a
small JSON body. The only difference is how they wait.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from snippets.languages.conc_kit.work import DB_WAIT

BODY = b'{"books": 3}'


# --8<-- [start:wsgi]
def blocking_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """WSGI: the worker thread sleeps; it can do nothing else until the 'query' returns."""
    time.sleep(DB_WAIT)  # [mark:block]
    start_response("200 OK", [("Content-Type", "application/json"),
                              ("Content-Length", str(len(BODY)))])
    return [BODY]
# --8<-- [end:wsgi]


# --8<-- [start:asgi]
async def async_app(scope: dict[str, Any], receive: Callable[[], Awaitable[dict[str, Any]]],
                    send: Callable[[dict[str, Any]], Awaitable[None]]) -> None:
    """ASGI: `await` hands the thread back to the event loop while the 'query' runs."""
    if scope["type"] != "http":  # run it with --lifespan off: only HTTP comes here
        raise ValueError(f"unexpected scope {scope['type']!r}")
    await asyncio.sleep(DB_WAIT)  # [mark:await]
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(BODY)).encode())]})
    await send({"type": "http.response.body", "body": BODY})
# --8<-- [end:asgi]
