"""OpenTelemetry tracing by hand: server spans, database spans, and traceparent propagation."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import Sequence
from typing import Any

import httpx
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.id_generator import IdGenerator
from opentelemetry.semconv.attributes.db_attributes import (
    DB_COLLECTION_NAME,
    DB_OPERATION_NAME,
    DB_QUERY_TEXT,
    DB_SYSTEM_NAME,
)
from opentelemetry.semconv.attributes.http_attributes import (
    HTTP_REQUEST_METHOD,
    HTTP_RESPONSE_STATUS_CODE,
    HTTP_ROUTE,
)
from opentelemetry.semconv.attributes.url_attributes import URL_FULL, URL_PATH
from opentelemetry.trace import SpanKind, Status, StatusCode, Tracer
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from snippets.devops.obs_kit.metrics import route_of

PROPAGATOR = TraceContextTextMapPropagator()
"""W3C Trace Context: reads and writes the traceparent (and tracestate) headers."""


class CountingIds(IdGenerator):
    """Trace and span ids derived from a seed and a counter: random-looking, same every run.

    The SDK's default generator is random; this one only makes recorded outputs repeatable.
    """

    def __init__(self, seed: str) -> None:
        self.seed, self.count, self.lock = seed, 0, threading.Lock()

    def _next(self, bits: int) -> int:
        with self.lock:
            self.count += 1
            digest = hashlib.sha256(f"{self.seed}:{self.count}".encode()).digest()
        return int.from_bytes(digest[: bits // 8], "big") or 1

    def generate_span_id(self) -> int:
        """A 64-bit span id."""
        return self._next(64)

    def generate_trace_id(self) -> int:
        """A 128-bit trace id."""
        return self._next(128)


# --8<-- [start:provider]
def in_memory_tracer(service: str, seed: str | None = None,
                     ) -> tuple[Tracer, InMemorySpanExporter]:
    """A tracer for `service` whose finished spans land in an in-memory exporter."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider(resource=Resource.create({"service.name": service}),
                              id_generator=CountingIds(seed) if seed else None)
    provider.add_span_processor(SimpleSpanProcessor(exporter))  # production: BatchSpanProcessor
    return provider.get_tracer("library.obs"), exporter
# --8<-- [end:provider]


# --8<-- [start:middleware]
class TracingMiddleware:
    """One SERVER span per request, continuing the caller's trace if it sent a traceparent."""

    def __init__(self, app: Any, tracer: Tracer) -> None:
        self.app, self.tracer = app, tracer

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        parent = PROPAGATOR.extract(headers)  # [mark:extract]
        method = scope["method"]
        status = 500
        with self.tracer.start_as_current_span(
                method, context=parent, kind=SpanKind.SERVER,
                attributes={HTTP_REQUEST_METHOD: method, URL_PATH: scope["path"]}) as span:

            async def send_and_note(message: dict[str, Any]) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = message["status"]
                await send(message)

            try:
                await self.app(scope, receive, send_and_note)
            finally:
                route = route_of(scope)
                if route != "unmatched":
                    span.set_attribute(HTTP_ROUTE, route)
                    span.update_name(f"{method} {route}")  # "GET /books/{book_id}"
                span.set_attribute(HTTP_RESPONSE_STATUS_CODE, status)
                if status >= 500:  # 4xx is the client's error: a server span stays unset
                    span.set_status(Status(StatusCode.ERROR))
# --8<-- [end:middleware]


# --8<-- [start:calls]
def traced_query(tracer: Tracer, conn: sqlite3.Connection, sql: str, params: Sequence[Any], *,
                 operation: str, table: str) -> list[tuple[Any, ...]]:
    """Run one query inside a CLIENT span named after the database conventions."""
    with tracer.start_as_current_span(
            f"{operation} {table}", kind=SpanKind.CLIENT,
            attributes={DB_SYSTEM_NAME: "sqlite", DB_OPERATION_NAME: operation,
                        DB_COLLECTION_NAME: table, DB_QUERY_TEXT: sql}):
        return conn.execute(sql, params).fetchall()


def traced_get(tracer: Tracer, client: httpx.Client, url: str) -> httpx.Response:
    """GET `url` inside a CLIENT span, sending the span's context as a traceparent header."""
    with tracer.start_as_current_span(
            "GET", kind=SpanKind.CLIENT,
            attributes={HTTP_REQUEST_METHOD: "GET", URL_FULL: url}) as span:
        headers: dict[str, str] = {}
        PROPAGATOR.inject(headers)  # [mark:inject]
        response = client.get(url, headers=headers)
        span.set_attribute(HTTP_RESPONSE_STATUS_CODE, response.status_code)
        if response.status_code >= 400:
            span.set_status(Status(StatusCode.ERROR))
        return response
# --8<-- [end:calls]


def wait_for_spans(exporters: Sequence[InMemorySpanExporter], count: int,
                   timeout: float = 5.0) -> list[ReadableSpan]:
    """All finished spans once there are `count` (a server span ends just after its response)."""
    deadline = time.monotonic() + timeout
    while True:
        spans = [span for exporter in exporters for span in exporter.get_finished_spans()]
        if len(spans) >= count or time.monotonic() > deadline:
            return sorted(spans, key=lambda span: span.start_time or 0)
        time.sleep(0.01)
