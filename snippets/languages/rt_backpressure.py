"""A client that stops reading: the server's bounded outbox drops the oldest, or disconnects it."""

from __future__ import annotations

import asyncio
from typing import Any

from websockets.exceptions import ConnectionClosed

from labkit.measure import measured
from labkit.serve import serve_in_thread
from snippets.languages.rt_chat.app import create_app
from snippets.languages.rt_chat.clients import Client, join, ws_base
from snippets.languages.rt_chat.hub import Hub, Policy

DEPENDS = ("rt_chat/",)  # the shared chat server and clients

BURST = 400  # messages alice sends while bob is not reading
PAYLOAD = "x" * 32_000  # about 32 kB each, so the socket buffers fill up quickly
OUTBOX = 8  # the bound of every member's outbox on the server
PLAIN: dict[str, Any] = {"compression": None}  # "xxx..." would compress to almost nothing


def number_of(event: dict[str, Any]) -> int | None:
    """The burst message number in a `say` event ('m17 xxx...' -> 17), else None."""
    if event["kind"] != "say":
        return None
    return int(event["text"].split(" ", 1)[0][1:])


async def read_until(client: Client, number: int) -> list[dict[str, Any]]:
    """Read until burst message `number` arrives; return any other events seen on the way."""
    others = []
    while number_of(event := await client.next()) != number:
        others.append(event)
    return others


# --8<-- [start:burst]
async def burst(url: str) -> tuple[Client, list[str]]:
    """alice sends BURST messages; carol reads every one; bob has stopped reading."""
    alice = await join(url, "alice", **PLAIN)
    bob = await join(url, "bob", max_queue=4, **PLAIN)  # he never calls recv  # [mark:slow]
    carol = await join(url, "carol", **PLAIN)
    news = []
    for number in range(1, BURST + 1):
        await alice.ws.send(f"m{number} {PAYLOAD}")
        for client in (alice, carol):  # lock step: both have it before the next one is sent
            for event in await read_until(client, number):
                if event["kind"] == "leave":
                    news.append(f"{client.name} was told: {event['who']} left "
                                f"(code {event['code']})")
    return bob, news
# --8<-- [end:burst]


# --8<-- [start:resume]
async def bob_reads_again(bob: Client) -> tuple[list[int], str]:
    """bob reads everything that is waiting for him; return the message numbers and how it ended."""
    numbers: list[int] = []
    try:
        while numbers[-1:] != [BURST]:
            if (number := number_of(await bob.next())) is not None:
                numbers.append(number)
        return numbers, "he is still connected"
    except ConnectionClosed:
        return numbers, f"then the close frame: code {bob.ws.close_code}, {bob.ws.close_reason!r}"
# --8<-- [end:resume]


def runs(numbers: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] -> [(1, 3), (7, 8)]: the unbroken runs of message numbers."""
    found: list[tuple[int, int]] = []
    for number in numbers:
        if found and found[-1][1] == number - 1:
            found[-1] = (found[-1][0], number)
        else:
            found.append((number, number))
    return found


async def scenario(url: str, hub: Hub) -> None:
    """Run the burst, show the server's side, then let bob read what is left for him."""
    bob, news = await burst(url)
    # --8<-- [start:report]
    for name, member in sorted(hub.members.items()):
        if name == "bob":
            print(f"  server: bob's outbox held at most {member.deepest} of {OUTBOX}; "
                  f"dropped {measured(member.dropped, digits=0, at_least=1)}")
        else:
            print(f"  server: {name} dropped {member.dropped}")
    for line in [*hub.log[3:], *news]:  # what happened after the three joins
        print(f"  {line}")
    numbers, ending = await bob_reads_again(bob)
    (first, last), *rest = runs(numbers)
    print(f"  bob reads again: messages {first}-{measured(last, digits=0, at_least=2)} "
          "(what the socket buffers held)")
    for first, last in rest:
        print(f"  ... then jumps to {first}-{last}: the {last - first + 1} his outbox kept")
    print(f"  ... {ending}")
    if hub.policy == "drop-oldest":
        print(f"  received + dropped = {len(numbers) + hub.members['bob'].dropped}")
    # --8<-- [end:report]
    await bob.ws.close()


def main() -> None:
    """The same burst under each policy."""
    policies: tuple[Policy, ...] = ("drop-oldest", "disconnect")
    for policy in policies:
        print(f"policy {policy!r}: alice sends {BURST} messages of 32 kB, bob reads none")
        hub = Hub(outbox_size=OUTBOX, policy=policy)
        with serve_in_thread(create_app(hub)) as base:
            asyncio.run(scenario(ws_base(base), hub))


if __name__ == "__main__":
    main()
