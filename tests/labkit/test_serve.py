"""Serving an ASGI app on loopback, in a thread and as a real uvicorn process."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread, serve_process


async def tiny_app(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    """A bare ASGI app: 200, 'pong'."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"pong"})


def test_serve_in_thread() -> None:
    with serve_in_thread(tiny_app) as base:
        assert base.startswith("http://127.0.0.1:")
        assert httpx.get(base + "/").text == "pong"


def test_serve_process() -> None:
    with serve_process("tests.labkit.test_serve:tiny_app") as base:
        assert httpx.get(base + "/").text == "pong"
