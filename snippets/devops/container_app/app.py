"""The library API as the image serves it: `uvicorn snippets.devops.container_app.app:app`.

It is the APIs chapter's app (`snippets.apis.rest_app.create_app`) with two endpoints that an
orchestrator calls:

- `GET /healthz` (liveness): the process answers HTTP at all. Restart it when this fails.
- `GET /readyz` (readiness): it has finished starting and is not shutting down, so send it
  traffic. Take it out of the load balancer when this fails; do not restart it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Response, status

from snippets.apis.rest_app import create_app


def create_service() -> FastAPI:
    """The library API plus `/healthz` and `/readyz`; ready only while its lifespan runs."""
    app = create_app()
    # --8<-- [start:lifespan]
    state = {"ready": False}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        state["ready"] = True  # start-up work (connections, caches) would go before this
        yield
        state["ready"] = False  # uvicorn has already closed its socket and drained

    app.router.lifespan_context = lifespan
    # --8<-- [end:lifespan]

    # --8<-- [start:endpoints]
    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        """Liveness: answering at all is the whole test."""
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    def readyz(response: Response) -> dict[str, str]:
        """Readiness: 200 once started, 503 before that and while shutting down."""
        if not state["ready"]:
            response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
            return {"status": "not ready"}
        return {"status": "ready"}
    # --8<-- [end:endpoints]

    return app


app = create_service()
