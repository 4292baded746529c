"""A small reverse proxy for the edge: it rate-limits before a request reaches the app."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request, Response
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from snippets.apis.rest_app import create_app as create_library_app

Limiter = Callable[[str], float]
"""Given a client id, 0 to let the request through, or the seconds it must wait."""

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
              "proxy-authorization", "proxy-authenticate", "content-length", "host"}


# --8<-- [start:proxy]
def edge_proxy(upstream: str, limiter: Limiter) -> Starlette:
    """Forward every request to `upstream`, unless the client is over its limit: then 429."""
    client = httpx.AsyncClient(base_url=upstream, timeout=httpx.Timeout(5.0))

    async def forward(request: Request) -> Response:
        who = request.headers.get("api-key") or (request.client.host if request.client else "?")
        wait = limiter(who)
        if wait > 0:  # answered here: the app never sees this request
            return JSONResponse({"title": "Too Many Requests"}, status_code=429,
                                headers={"Retry-After": str(math.ceil(wait))})
        headers = {k: v for k, v in request.headers.items() if k not in HOP_BY_HOP}
        headers["x-forwarded-for"] = request.client.host if request.client else "?"
        reply = await client.request(request.method, request.url.path,
                                     params=request.query_params, headers=headers,
                                     content=await request.body())
        kept = {k: v for k, v in reply.headers.items() if k not in HOP_BY_HOP}
        return Response(reply.content, status_code=reply.status_code, headers=kept)
    # --8<-- [end:proxy]

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        await client.aclose()

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    return Starlette(routes=[Route("/{path:path}", forward, methods=methods)],
                     lifespan=lifespan)


def counted_library() -> tuple[FastAPI, dict[str, int]]:
    """The library API, counting the requests that reach it."""
    app = create_library_app()
    seen = {"requests": 0}

    @app.middleware("http")
    async def count(request: Request,
                    call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        seen["requests"] += 1
        return await call_next(request)

    return app, seen
