"""Mirrors snippets/languages/server_asgi.py: the ASGI app's messages, and uvicorn serving it."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from labkit.serve import serve_in_thread
from snippets.languages.server_apps.asgi import app
from snippets.languages.server_apps.inproc import asgi_scope


def test_the_app_sends_start_then_body() -> None:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(asgi_scope("/books/1"), receive, send))
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    assert sent[0]["status"] == 200
    assert dict(sent[0]["headers"])[b"content-length"] == str(len(sent[1]["body"])).encode()


def test_the_app_reads_a_body_sent_in_pieces() -> None:
    pieces = [{"type": "http.request", "body": b"ab", "more_body": True},
              {"type": "http.request", "body": b"c", "more_body": False}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return pieces.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(asgi_scope("/books/1"), receive, send))
    assert not pieces and sent[0]["status"] == 200


def test_lifespan_scope_is_ignored() -> None:
    async def never() -> dict[str, Any]:
        raise AssertionError("receive should not be called")

    async def no_send(message: dict[str, Any]) -> None:
        raise AssertionError("send should not be called")

    asyncio.run(app({"type": "lifespan"}, never, no_send))


def test_uvicorn_serves_it() -> None:
    with serve_in_thread(app) as base_url:
        response = httpx.get(f"{base_url}/books/1")
        assert httpx.get(f"{base_url}/books/7").status_code == 404
    assert response.json()["author"] == "Octavia E. Butler"
    assert response.headers["server"] == "uvicorn"
