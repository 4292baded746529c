"""Mirrors snippets/languages/rt_room.py: several real clients, one order of events for all."""

from __future__ import annotations

import asyncio

from labkit.serve import serve_in_thread
from snippets.languages.rt_chat.app import create_app
from snippets.languages.rt_chat.clients import join, settle, ws_base
from snippets.languages.rt_chat.hub import Hub, wait_until_empty
from snippets.languages.rt_room import talk


def test_every_client_sees_the_same_events_in_the_same_order(capsys) -> None:
    hub = Hub()
    with serve_in_thread(create_app(hub)) as base:
        asyncio.run(talk(ws_base(base)))
        wait_until_empty(hub)
    out = capsys.readouterr().out
    for name in ("alice", "bob", "carol"):
        assert f"{name:>5} <- #6 carol: brb" in out
    assert "alice <- #7 carol left (code 1000)" in out
    assert "carol <- #7" not in out  # she had gone
    assert hub.members == {}
    assert hub.log[-1] == "bob left with code 1000; members: (none)"


def test_five_clients_concurrent_senders_agree_on_one_order() -> None:
    """Without lock step, the server still imposes one order that every client sees."""

    async def run(url: str) -> list[list[tuple[int, str]]]:
        clients = [await join(url, f"c{n}") for n in range(5)]
        for index, client in enumerate(clients):  # join events: c_n sees joins n..4
            await settle([client], 5 - index, show=False)
        await asyncio.gather(*(c.ws.send(f"{c.name}-{i}") for c in clients for i in range(4)))
        await asyncio.gather(*(settle([c], 20, show=False) for c in clients))
        for client in clients:
            await client.ws.close()
        return [[(e["seq"], e["text"]) for e in c.seen if e["kind"] == "say"] for c in clients]

    with serve_in_thread(create_app(Hub())) as base:
        seen = asyncio.run(run(ws_base(base)))
    assert all(order == seen[0] for order in seen)
    assert [seq for seq, _ in seen[0]] == list(range(6, 26))
    for name in ("c0", "c3"):  # each sender's own messages keep their order
        mine = [text for _, text in seen[0] if text.startswith(name)]
        assert mine == [f"{name}-{i}" for i in range(4)]
