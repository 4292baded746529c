"""The library API of the APIs chapter, wrapped for production: metrics, logs, health, traces."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field

import httpx
from fastapi import FastAPI, HTTPException, Response
from opentelemetry.trace import Tracer
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from snippets.apis.rest_app import create_app
from snippets.devops.obs_kit.health import Database, Lifecycle, add_health_routes
from snippets.devops.obs_kit.logs import RequestIdMiddleware
from snippets.devops.obs_kit.metrics import HttpMetrics, MetricsMiddleware, StartStopwatch
from snippets.devops.obs_kit.tracing import TracingMiddleware, traced_get, traced_query

log = logging.getLogger("library")


@dataclass
class Observability:
    """What the wrapped service reports to; leave a part out to switch it off."""

    metrics: HttpMetrics = field(default_factory=HttpMetrics)
    stopwatch: StartStopwatch | None = None
    logger: logging.Logger | None = None
    new_id: object | None = None
    tracer: Tracer | None = None


# --8<-- [start:wrap]
def observable_app(db: Database, obs: Observability, life: Lifecycle | None = None,
                   covers_url: str | None = None) -> FastAPI:
    """The unchanged REST app, plus /metrics, health checks, one route that uses the
    database (and a downstream service), and the middleware that observes every request."""
    app = create_app()  # [mark:import]
    add_health_routes(app, db, life or Lifecycle())

    @app.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        """The Prometheus text exposition of this service's registry."""
        return Response(generate_latest(obs.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    @app.get("/books/{book_id}/availability")
    def availability(book_id: int) -> dict[str, object]:
        """Is the book on loan? Reads the loans database; asks the covers service for a cover."""
        try:
            conn = db.connect()
        except sqlite3.OperationalError as error:
            log.error("loans database unavailable", extra={"book_id": book_id})
            raise HTTPException(503, "loans database unavailable") from error
        try:
            sql = "SELECT COUNT(*) FROM loans WHERE book_id = ? AND returned = 0"
            params = (book_id,)
            rows = (traced_query(obs.tracer, conn, sql, params, operation="SELECT", table="loans")
                    if obs.tracer else conn.execute(sql, params).fetchall())
        finally:
            conn.close()
        answer: dict[str, object] = {"book_id": book_id, "on_loan": rows[0][0] > 0}
        if covers_url and obs.tracer:
            with httpx.Client() as client:
                cover = traced_get(obs.tracer, client, f"{covers_url}/covers/{book_id}")
            answer["cover"] = cover.json()["url"]
        log.info("availability checked", extra={"book_id": book_id})
        return answer

    stopwatch = {"stopwatch": obs.stopwatch} if obs.stopwatch else {}
    app.add_middleware(MetricsMiddleware, metrics=obs.metrics, **stopwatch)  # innermost
    if obs.tracer:
        app.add_middleware(TracingMiddleware, tracer=obs.tracer)
    if obs.logger:
        ids = {"new_id": obs.new_id} if obs.new_id else {}
        app.add_middleware(RequestIdMiddleware, logger=obs.logger, **stopwatch, **ids)  # outermost
    return app
# --8<-- [end:wrap]


# --8<-- [start:exposed]
def exposed_metric_names() -> set[str]:
    """Serve the wrapped API, send two requests, scrape /metrics: every sample name it shows.

    A labelled metric has no series until it is first used, hence the two requests.
    """
    import tempfile
    from pathlib import Path

    from labkit.serve import serve_in_thread
    from snippets.devops.obs_kit.scrape import scrape_when_idle

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "loans.db")
        db.create()
        with serve_in_thread(observable_app(db, Observability())) as base, \
                httpx.Client(base_url=base) as client:
            client.get("/books")
            client.get("/books/1/availability")
            return scrape_when_idle(client).names()
# --8<-- [end:exposed]
