"""Mirrors snippets/languages/rt_backpressure.py: a slow reader never grows the server's queue."""

from __future__ import annotations

import asyncio

from labkit.serve import serve_in_thread
from snippets.languages import rt_backpressure as bp
from snippets.languages.rt_chat.app import create_app
from snippets.languages.rt_chat.clients import ws_base
from snippets.languages.rt_chat.hub import Hub, Member


def run(policy: bp.Policy) -> tuple[Hub, dict[str, Member], list[int], str, list[str]]:
    """The snippet's burst; returns the hub, its members as they were, and what bob saw."""
    hub = Hub(outbox_size=bp.OUTBOX, policy=policy)

    async def scenario(url: str) -> tuple[dict[str, Member], list[int], str, list[str]]:
        bob, news = await bp.burst(url)
        members = dict(hub.members)
        numbers, ending = await bp.bob_reads_again(bob)
        await bob.ws.close()
        return members, numbers, ending, news

    with serve_in_thread(create_app(hub)) as base:
        members, numbers, ending, news = asyncio.run(scenario(ws_base(base)))
    return hub, members, numbers, ending, news


def test_drop_oldest_keeps_the_newest_and_counts_the_rest() -> None:
    _, members, numbers, ending, news = run("drop-oldest")
    bob = members["bob"]
    assert bob.deepest == bp.OUTBOX  # bounded: never more than 8 waiting
    assert bob.dropped >= 1
    assert len(numbers) + bob.dropped == bp.BURST  # nothing vanished uncounted
    assert numbers == sorted(numbers)  # what arrives still arrives in order
    assert numbers[-bp.OUTBOX:] == list(range(bp.BURST - bp.OUTBOX + 1, bp.BURST + 1))
    assert members["alice"].dropped == members["carol"].dropped == 0
    assert news == [] and ending == "he is still connected"


def test_disconnect_closes_the_slow_consumer_with_1008_and_tells_the_others() -> None:
    hub, members, numbers, ending, news = run("disconnect")
    assert "bob" not in members  # removed at once, before he read anything
    assert numbers == list(range(1, len(numbers) + 1))  # a prefix, then the close frame
    assert ending == "then the close frame: code 1008, 'too slow'"
    assert news == ["alice was told: bob left (code 1008)",
                    "carol was told: bob left (code 1008)"]
    assert any(line.startswith("bob kicked: outbox full") for line in hub.log)


def test_the_hub_policy_alone_without_sockets() -> None:
    async def fill() -> Hub:
        hub = Hub(outbox_size=3)
        await hub.join("slow")  # event 1
        for n in range(5):
            await hub.publish({"kind": "say", "who": "x", "text": str(n)})
        return hub

    hub = asyncio.run(fill())
    member = hub.members["slow"]
    assert member.outbox.qsize() == 3 and member.dropped == 3
    assert [member.outbox.get_nowait() for _ in range(3)][-1].endswith('"text": "4"}')
