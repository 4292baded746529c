"""Mirrors snippets/devops/obs_tracing.py: span tree, semantic conventions, W3C traceparent."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from opentelemetry.trace import SpanKind, StatusCode

from labkit.serve import serve_in_thread
from snippets.devops.obs_kit.health import Database
from snippets.devops.obs_kit.service import Observability, observable_app
from snippets.devops.obs_kit.tracing import in_memory_tracer, wait_for_spans
from snippets.devops.obs_tracing import covers_app

# W3C Trace Context, section 3.2: version "-" trace-id "-" parent-id "-" trace-flags, lowercase hex.
TRACEPARENT = re.compile(
    r"00-(?P<trace>[0-9a-f]{32})-(?P<parent>[0-9a-f]{16})-(?P<flags>[0-9a-f]{2})")


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(tmp_path / "loans.db")
    database.create()
    return database


def test_one_trace_across_two_services(db: Database) -> None:
    api_tracer, api_spans = in_memory_tracer("library-api")          # random ids, as in production
    covers_tracer, covers_spans = in_memory_tracer("covers")
    received: list[str] = []
    with serve_in_thread(covers_app(covers_tracer, received)) as covers_url:
        app = observable_app(db, Observability(tracer=api_tracer), covers_url=covers_url)
        with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
            assert client.get("/books/1/availability").status_code == 200
            spans = wait_for_spans([api_spans, covers_spans], 4)
    by_name = {span.name: span for span in spans}
    server = by_name["GET /books/{book_id}/availability"]
    query, call, remote = by_name["SELECT loans"], by_name["GET"], by_name["GET /covers/{book_id}"]
    assert server.kind == SpanKind.SERVER and server.parent is None
    assert server.attributes["http.request.method"] == "GET"
    assert server.attributes["http.route"] == "/books/{book_id}/availability"
    assert server.attributes["http.response.status_code"] == 200
    assert query.kind == SpanKind.CLIENT and query.parent.span_id == server.context.span_id
    assert query.attributes["db.system.name"] == "sqlite"
    assert call.parent.span_id == server.context.span_id
    assert remote.parent.span_id == call.context.span_id and remote.parent.is_remote
    assert len({span.context.trace_id for span in spans}) == 1
    header = TRACEPARENT.fullmatch(received[0])
    assert header, received[0]
    assert int(header["trace"], 16) == server.context.trace_id
    assert int(header["parent"], 16) == call.context.span_id
    assert int(header["flags"], 16) & 0x01                     # sampled


def test_incoming_traceparent_is_continued_and_5xx_is_an_error(db: Database) -> None:
    tracer, exporter = in_memory_tracer("library-api", seed="t")
    upstream = "00-" + "ab" * 16 + "-" + "cd" * 8 + "-01"
    with serve_in_thread(observable_app(db, Observability(tracer=tracer))) as base, \
            httpx.Client(base_url=base) as client:
        db.path.unlink()
        assert client.get("/books/1/availability",
                          headers={"traceparent": upstream}).status_code == 503
        (failed,) = wait_for_spans([exporter], 1)
        exporter.clear()
        client.get("/books/7", headers={"traceparent": "00-" + "0" * 32 + "-" + "cd" * 8 + "-01"})
        (missing,) = wait_for_spans([exporter], 1)
    assert failed.context.trace_id == int("ab" * 16, 16)
    assert failed.parent.span_id == int("cd" * 8, 16)
    assert failed.status.status_code == StatusCode.ERROR
    assert missing.parent is None                               # an all-zero trace-id is invalid
    assert missing.attributes["http.response.status_code"] == 404
    assert missing.status.status_code == StatusCode.UNSET       # 4xx: unset on a server span
