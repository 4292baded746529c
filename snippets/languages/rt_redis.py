"""Two chat servers, one room: every event goes through Redis pub/sub to both servers."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import redis.asyncio as aioredis
from fastapi import FastAPI

from labkit import db
from labkit.serve import serve_in_thread
from snippets.languages.rt_chat.app import create_app
from snippets.languages.rt_chat.clients import Client, join, ws_base
from snippets.languages.rt_chat.hub import Hub, wait_until_empty

DEPENDS = ("rt_chat/",)  # the shared chat server and clients

ENGINES = ("redis",)

# --8<-- [start:script]
NUMBER_AND_PUBLISH = """
local seq = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], seq .. ' ' .. ARGV[2])
return seq
"""  # one script runs as one step: no other server can slip in between INCR and PUBLISH
# --8<-- [end:script]


# --8<-- [start:instance]
def create_instance(label: str, space: db.RedisSpace) -> tuple[FastAPI, Hub]:
    """One chat server whose hub publishes to Redis and delivers what Redis sends back."""
    hub = Hub()
    client = aioredis.Redis.from_url(db.ENGINES["redis"].url, decode_responses=True)
    channel, counter = space.key("room"), space.key("seq")
    number_and_publish = client.register_script(NUMBER_AND_PUBLISH)

    async def relay(event: dict[str, object]) -> None:
        payload = json.dumps({**event, "via": label})
        await number_and_publish(keys=[counter], args=[channel, payload])  # [mark:publish]

    async def listen(pubsub: Any) -> None:
        async for message in pubsub.listen():
            if message["type"] == "message":
                seq, payload = message["data"].split(" ", 1)
                event = {"seq": int(seq), **json.loads(payload)}
                hub.deliver(event)  # to this server's own members  # [mark:deliver]

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pubsub = client.pubsub()
        await pubsub.subscribe(channel)
        await pubsub.get_message(timeout=5)  # the subscription is confirmed before we serve
        listener = asyncio.create_task(listen(pubsub))
        yield
        listener.cancel()
        await pubsub.aclose()
        await client.aclose()

    hub.relay = relay  # [mark:relay]
    return create_app(hub, lifespan), hub
# --8<-- [end:instance]


async def expect(clients: list[Client], count: int = 1) -> None:
    """Each client in turn receives `count` events; print them with the server that sent them."""
    for client in clients:
        for _ in range(count):
            event = await client.next()
            text = {"join": "joined", "leave": f"left (code {event.get('code')})"}.get(
                event["kind"], f": {event.get('text')}")
            sep = "" if event["kind"] == "say" else " "
            print(f"  {client.name:>5} <- #{event['seq']} {event['who']}{sep}{text}"
                  f"   [published by {event['via']}]")


# --8<-- [start:talk]
async def talk(url_a: str, url_b: str) -> None:
    """alice and carol on server A, bob on server B, all in one room."""
    alice = await join(url_a, "alice")
    await expect([alice])
    bob = await join(url_b, "bob")
    await expect([alice, bob])
    carol = await join(url_a, "carol")
    await expect([alice, bob, carol])
    for client, text in ((alice, "hello from A"), (bob, "hello from B")):
        await client.ws.send(text)
        await expect([alice, bob, carol])
    await bob.ws.close()
    await expect([alice, carol])
    await alice.ws.close()
    await expect([carol])
    await carol.ws.close()
# --8<-- [end:talk]


def main() -> None:
    """Start two servers sharing one Redis channel and chat across them."""
    with db.redis_scratch() as space:
        app_a, hub_a = create_instance("A", space)
        app_b, hub_b = create_instance("B", space)
        with serve_in_thread(app_a) as base_a, serve_in_thread(app_b) as base_b:
            asyncio.run(talk(ws_base(base_a), ws_base(base_b)))
            wait_until_empty(hub_a)
    for label, hub in (("A", hub_a), ("B", hub_b)):
        print(f"server {label} log:")
        for line in hub.log:
            print(f"  {line}")


if __name__ == "__main__":
    main()
