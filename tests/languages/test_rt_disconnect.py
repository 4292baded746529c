"""Mirrors snippets/languages/rt_disconnect.py: the server cleans up however a client leaves."""

from __future__ import annotations

import asyncio
import time

from labkit.serve import serve_in_thread
from snippets.languages import rt_disconnect
from snippets.languages.rt_chat.app import create_app
from snippets.languages.rt_chat.clients import join, settle, ws_base
from snippets.languages.rt_chat.hub import Hub, wait_until_empty


def test_clean_cut_and_silent_clients_are_all_removed(capsys) -> None:
    rt_disconnect.main()
    out = capsys.readouterr().out
    assert "alice <- #5 carol left (code 4000)" in out
    # uvicorn 0.54 reports a connection lost without a close frame as 1005 to the app
    assert "alice <- #6 bob left (code 1005)" in out
    assert "alice <- #7 eve left (code 1005)" in out
    assert out.rstrip().endswith("alice left with code 1000; members: (none)")


def test_without_heartbeats_a_silent_client_stays_a_member() -> None:
    """The same frozen client, with uvicorn's pings switched off: nobody notices it."""
    hub = Hub()
    options = {"ws_ping_interval": None, "ws_ping_timeout": None}
    with serve_in_thread(create_app(hub), **options) as base:
        from snippets.languages.rt_chat.wire import open_raw

        sock, _, _ = open_raw(int(base.rsplit(":", 1)[1]), "/chat?name=eve",
                              "dGhlIHNhbXBsZSBub25jZQ==")
        time.sleep(2.0)  # twice as long as the heartbeat needed in the snippet
        assert "eve" in hub.members
        sock.close()
        wait_until_empty(hub)
    assert hub.members == {}


def test_a_cut_connection_is_noticed_by_the_others() -> None:
    async def run(url: str) -> list[str]:
        alice, bob = await join(url, "alice"), await join(url, "bob")
        await settle([alice], 2, show=False)
        bob.ws.transport.abort()
        await settle([alice], show=False)
        await alice.ws.close()
        return [e["kind"] for e in alice.seen]

    hub = Hub()
    with serve_in_thread(create_app(hub)) as base:
        assert asyncio.run(run(ws_base(base))) == ["join", "join", "leave"]
        wait_until_empty(hub)
