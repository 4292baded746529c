"""Mirrors snippets/languages/rt_redis.py: two servers share one room through Redis pub/sub."""

from __future__ import annotations

import asyncio

from labkit import db
from labkit.serve import serve_in_thread
from snippets.languages.rt_chat.clients import join, settle, ws_base
from snippets.languages.rt_chat.hub import wait_until_empty
from snippets.languages.rt_redis import create_instance, talk
from tests.support import require_server


def test_the_conversation_crosses_servers(capsys) -> None:
    require_server("redis")
    with db.redis_scratch() as space:
        app_a, hub_a = create_instance("A", space)
        app_b, hub_b = create_instance("B", space)
        with serve_in_thread(app_a) as base_a, serve_in_thread(app_b) as base_b:
            asyncio.run(talk(ws_base(base_a), ws_base(base_b)))
            wait_until_empty(hub_a)
    out = capsys.readouterr().out
    assert "    bob <- #4 alice: hello from A   [published by A]" in out
    assert "  carol <- #5 bob: hello from B   [published by B]" in out
    assert "  alice <- #6 bob left (code 1000)   [published by B]" in out
    assert "bob" not in " ".join(hub_a.log)  # server A never had bob as a member
    assert hub_b.log == ["bob joined; members: bob", "bob left with code 1000; members: (none)"]


def test_many_messages_arrive_in_one_order_on_both_servers() -> None:
    require_server("redis")

    async def run(url_a: str, url_b: str) -> tuple[list[int], list[int]]:
        a = await join(url_a, "a")
        await settle([a], show=False)  # a's join has gone through Redis before b connects
        b = await join(url_b, "b")
        await settle([a, b], show=False)
        for n in range(30):
            await (a if n % 2 else b).ws.send(str(n))
        await settle([a, b], 30, show=False)
        await a.ws.close()
        await b.ws.close()
        return ([e["seq"] for e in a.seen[2:]], [e["seq"] for e in b.seen[1:]])

    with db.redis_scratch() as space:
        app_a, _ = create_instance("A", space)
        app_b, _ = create_instance("B", space)
        with serve_in_thread(app_a) as base_a, serve_in_thread(app_b) as base_b:
            seen_a, seen_b = asyncio.run(run(ws_base(base_a), ws_base(base_b)))
    assert seen_a == seen_b == sorted(seen_a)
