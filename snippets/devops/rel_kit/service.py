"""The library API, wrapped for the shutdown demonstration: a slow endpoint and readiness.

uvicorn serves it as a separate process:
`python -m uvicorn snippets.devops.rel_kit.service:create_app --factory`.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import FrameType
from typing import Any

from fastapi import FastAPI, Response

from snippets.apis.rest_app import create_app as create_library_app

DRAIN_ENV = "REL_DRAIN_SECONDS"
"""How long to keep serving, while reporting "not ready", after SIGTERM arrives."""


# --8<-- [start:ready]
def install_drain(app: FastAPI, drain_seconds: float) -> None:
    """On SIGTERM, report "not ready" at once, keep serving, then let uvicorn shut down."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        uvicorn_handler = signal.getsignal(signal.SIGTERM)  # uvicorn's own handler

        def on_sigterm(signum: int, frame: FrameType | None) -> None:
            app.state.ready = False  # the load balancer stops sending new requests
            if callable(uvicorn_handler):  # ... and later uvicorn drains and stops
                loop.call_later(drain_seconds, uvicorn_handler, signum, frame)

        signal.signal(signal.SIGTERM, on_sigterm)
        yield

    app.router.lifespan_context = lifespan
    app.state.ready = True

    @app.get("/ready")
    def ready(response: Response) -> dict[str, bool]:
        """Readiness probe: 200 while serving, 503 once shutdown has begun."""
        if not app.state.ready:
            response.status_code = 503
        return {"ready": app.state.ready}
# --8<-- [end:ready]


def create_app() -> FastAPI:
    """The library API plus `/slow`, `/stats` and `/ready`."""
    app = create_library_app()
    app.state.in_flight = 0

    @app.get("/slow")
    async def slow(seconds: float = 3.0) -> dict[str, Any]:
        """A request that takes `seconds`, like a big report."""
        app.state.in_flight += 1
        try:
            await asyncio.sleep(seconds)
        finally:
            app.state.in_flight -= 1
        return {"done": True}

    @app.get("/stats")
    def stats() -> dict[str, int]:
        """How many slow requests are running right now."""
        return {"in_flight": app.state.in_flight}

    install_drain(app, float(os.environ.get(DRAIN_ENV, "0")))
    return app
