"""Chat clients built on the `websockets` library, and a printable form of events."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect


def describe(event: dict[str, Any]) -> str:
    """One event as a line of the transcript, e.g. `#3 alice: hello`."""
    seq, who = event["seq"], event["who"]
    if event["kind"] == "join":
        return f"#{seq} {who} joined"
    if event["kind"] == "leave":
        return f"#{seq} {who} left (code {event['code']})"
    return f"#{seq} {who}: {event['text']}"


@dataclass
class Client:
    """A named chat client and the events it has received."""

    name: str
    ws: ClientConnection
    seen: list[dict[str, Any]] = field(default_factory=list)

    async def next(self) -> dict[str, Any]:
        """Wait for the next event from the server."""
        event = json.loads(await self.ws.recv())
        self.seen.append(event)
        return event


async def join(ws_url: str, name: str, **options: Any) -> Client:
    """Open a WebSocket to the chat as `name` (options go to `websockets` connect)."""
    ws = await connect(f"{ws_url}/chat?name={name}", **options)
    return Client(name, ws)


async def settle(clients: list[Client], count: int = 1, *, show: bool = True) -> None:
    """Let each client, in turn, receive `count` events, printing what it got.

    Waiting for every receipt before the next action is what makes the transcript the
    same on every run: nothing happens while an event is still on its way.
    """
    for client in clients:
        for _ in range(count):
            event = await client.next()
            if show:
                print(f"  {client.name:>5} <- {describe(event)}")


def ws_base(http_base: str) -> str:
    """`http://127.0.0.1:port` -> `ws://127.0.0.1:port`."""
    return "ws://" + http_base.removeprefix("http://")
