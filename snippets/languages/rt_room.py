"""Three real WebSocket clients in one chat room: join, talk, leave, in a fixed order."""

from __future__ import annotations

import asyncio

from labkit.serve import serve_in_thread
from snippets.languages.rt_chat.app import create_app
from snippets.languages.rt_chat.clients import Client, join, settle, ws_base
from snippets.languages.rt_chat.hub import Hub, wait_until_empty

DEPENDS = ("rt_chat/",)  # the shared chat server and clients


# --8<-- [start:talk]
async def talk(url: str) -> None:
    """Join three clients, let each say something, and let one of them leave."""
    room: list[Client] = []
    for name in ("alice", "bob", "carol"):
        print(f"{name} connects")
        room.append(await join(url, name))
        await settle(room)  # everyone, the newcomer too, sees the join
    alice, bob, carol = room
    for client, text in ((alice, "hi all"), (bob, "hello alice"), (carol, "brb")):
        print(f"{client.name} sends {text!r}")
        await client.ws.send(text)  # [mark:send]
        await settle(room)  # wait until all three have it before anyone speaks again
    print("carol closes her connection (code 1000)")
    await carol.ws.close(code=1000)  # [mark:close]
    await settle([alice, bob])
    print("alice closes hers")
    await alice.ws.close()
    await settle([bob])
    await bob.ws.close()
# --8<-- [end:talk]


def main() -> None:
    """Serve the chat on 127.0.0.1, run the conversation, and print the server's log."""
    hub = Hub()
    with serve_in_thread(create_app(hub)) as base:
        asyncio.run(talk(ws_base(base)))
        wait_until_empty(hub)
    print("server log:")
    for line in hub.log:
        print(f"  {line}")


if __name__ == "__main__":
    main()
