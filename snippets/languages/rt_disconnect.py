"""Three ways to leave: a clean close, a cut connection, and a peer that stops answering pings."""

from __future__ import annotations

import asyncio
import time

from labkit.measure import measured
from labkit.serve import serve_in_thread
from snippets.languages.rt_chat.app import create_app
from snippets.languages.rt_chat.clients import join, settle, ws_base
from snippets.languages.rt_chat.hub import Hub, wait_until_empty
from snippets.languages.rt_chat.wire import open_raw

DEPENDS = ("rt_chat/",)  # the shared chat server and clients

# --8<-- [start:heartbeat]
HEARTBEAT = {"ws_ping_interval": 0.5, "ws_ping_timeout": 0.5}  # uvicorn's defaults: 20 s and 20 s
# --8<-- [end:heartbeat]


async def leave_three_ways(url: str, port: int) -> None:
    """alice stays; carol closes cleanly, bob's connection is cut, eve freezes."""
    alice = await join(url, "alice")
    await settle([alice])
    bob = await join(url, "bob")
    carol = await join(url, "carol")
    await settle([alice], 2)
    eve, status, _ = open_raw(port, "/chat?name=eve", "dGhlIHNhbXBsZSBub25jZQ==")
    connected = time.monotonic()
    print(f"eve connects with a plain socket ({status}) and will never read or answer")
    await settle([alice])
    try:
        # --8<-- [start:ways]
        print("carol closes with code 4000, 'logged out' (a private-use code)")
        await carol.ws.close(code=4000, reason="logged out")  # [mark:clean]
        await settle([alice])
        print("bob's connection is cut: no close frame")
        bob.ws.transport.abort()  # [mark:abort]
        await settle([alice])
        print("eve has said nothing since her handshake; the server's ping goes unanswered")
        await settle([alice])
        silent = time.monotonic() - connected
        # --8<-- [end:ways]
        print(f"eve was dropped {measured(silent, unit=' s', at_least=0.5, at_most=5)} "
              "after her handshake (first ping after 0.5 s, 0.5 s to answer it)")
    finally:
        eve.close()
    await alice.ws.close()


def main() -> None:
    """Serve the chat with fast heartbeats and watch the server clean up after each client."""
    hub = Hub()
    with serve_in_thread(create_app(hub), **HEARTBEAT) as base:
        asyncio.run(leave_three_ways(ws_base(base), int(base.rsplit(":", 1)[1])))
        wait_until_empty(hub)
    print("server log:")
    for line in hub.log:
        print(f"  {line}")


if __name__ == "__main__":
    main()
