"""The chat server: a FastAPI WebSocket endpoint in front of a `Hub`."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, suppress

from fastapi import FastAPI, WebSocket, WebSocketDisconnect

from snippets.languages.rt_chat.hub import KICK, Hub, Member

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


# --8<-- [start:writer]
async def pump(ws: WebSocket, member: Member) -> None:
    """Send the member's outbox, one event at a time; `send_text` waits while the socket is full."""
    with suppress(WebSocketDisconnect):
        while True:
            text = await member.outbox.get()
            if text == KICK:
                await ws.close(code=1008, reason="too slow")  # [mark:close]
                return
            await ws.send_text(text)  # [mark:send]
# --8<-- [end:writer]


def create_app(hub: Hub, lifespan: Lifespan | None = None) -> FastAPI:
    """A chat server: `ws://host/chat?name=alice`; every text message is said to the room."""
    app = FastAPI(lifespan=lifespan)

    # --8<-- [start:endpoint]
    @app.websocket("/chat")
    async def chat(ws: WebSocket, name: str) -> None:
        await ws.accept()
        member = await hub.join(name)
        writer = asyncio.create_task(pump(ws, member))  # [mark:task]
        code = 1006
        try:
            while True:
                await hub.say(member, await ws.receive_text())  # [mark:receive]
        except WebSocketDisconnect as gone:
            code = gone.code  # [mark:code]
        finally:
            writer.cancel()
            await hub.leave(member, code)  # [mark:leave]
    # --8<-- [end:endpoint]

    return app
