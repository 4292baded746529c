"""The book handler as an ASGI application (the ASGI HTTP protocol), for uvicorn."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from snippets.languages.server_apps.books import handle

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


# --8<-- [start:app]
async def app(scope: dict[str, Any], receive: Receive, send: Send) -> None:
    """An ASGI application: one call per connection event; replies are messages, not returns."""
    if scope["type"] != "http":  # "lifespan" (start-up, shut-down) and "websocket" exist too
        return
    more_body = True
    while more_body:  # read the request body, which arrives as http.request messages
        message = await receive()  # [mark:receive]
        more_body = message.get("more_body", False)
    status, document = handle(scope["method"], scope["path"])
    payload = json.dumps(document).encode()
    await send({"type": "http.response.start", "status": status,  # [mark:start]
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(payload)).encode())]})
    await send({"type": "http.response.body", "body": payload})  # [mark:body]
# --8<-- [end:app]
