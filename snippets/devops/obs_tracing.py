"""One trace across two services: server span, database span, and a traceparent sent downstream."""

from __future__ import annotations

import tempfile
from pathlib import Path

import httpx
from fastapi import FastAPI, Request
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.trace import Tracer

from labkit.serve import serve_in_thread
from snippets.devops.obs_kit.health import Database
from snippets.devops.obs_kit.service import Observability, observable_app
from snippets.devops.obs_kit.tracing import TracingMiddleware, in_memory_tracer, wait_for_spans

SHOWN = ("http.request.method", "http.route", "http.response.status_code",
         "db.system.name", "db.operation.name", "db.collection.name", "db.query.text")


def covers_app(tracer: Tracer, received: list[str]) -> FastAPI:
    """A downstream service that serves cover URLs and notes the traceparent it was sent."""
    app = FastAPI()

    @app.get("/covers/{book_id}")
    def cover(book_id: int, request: Request) -> dict[str, str]:
        """The cover URL of a book."""
        received.append(request.headers.get("traceparent", "(none)"))
        return {"url": f"/img/covers/{book_id}.jpg"}

    app.add_middleware(TracingMiddleware, tracer=tracer)
    return app


# --8<-- [start:tree]
def print_tree(spans: list[ReadableSpan]) -> None:
    """Print spans as a tree, each under its parent, with its kind, service and attributes."""
    ids = {span.context.span_id for span in spans}

    def show(span: ReadableSpan, depth: int) -> None:
        pad = "  " * depth
        service = span.resource.attributes["service.name"]
        print(f"{pad}{span.name}  [{span.kind.name} in {service}, "
              f"span {span.context.span_id:016x}, status {span.status.status_code.name}]")
        for key in SHOWN:
            if key in span.attributes:
                print(f"{pad}    {key} = {span.attributes[key]}")
        for child in spans:
            if child.parent and child.parent.span_id == span.context.span_id:
                show(child, depth + 1)

    roots = [span for span in spans if not span.parent or span.parent.span_id not in ids]
    for root in roots:
        remote = f", parent {root.parent.span_id:016x} (remote)" if root.parent else ""
        print(f"trace {root.context.trace_id:032x}{remote}")
        show(root, 0)
# --8<-- [end:tree]


def main() -> None:
    """Trace one request through the API, its database and the covers service; then a failure."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "loans.db")
        db.create()
        # --8<-- [start:setup]
        api_tracer, api_spans = in_memory_tracer("library-api", seed="api")
        covers_tracer, covers_spans = in_memory_tracer("covers", seed="covers")
        received: list[str] = []
        with serve_in_thread(covers_app(covers_tracer, received)) as covers_url:
            app = observable_app(db, Observability(tracer=api_tracer), covers_url=covers_url)
            with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
                body = client.get("/books/1/availability").json()
                print("response:", body)
                print_tree(wait_for_spans([api_spans, covers_spans], 4))
                print("traceparent the covers service received:", received[0])
                # --8<-- [end:setup]
                # --8<-- [start:upstream]
                api_spans.clear()
                covers_spans.clear()
                db.path.rename(db.path.with_suffix(".away"))
                upstream = "00-5f0c3e9d2a7b4c1e8d6f0a2b3c4d5e6f-1a2b3c4d5e6f7a8b-01"
                status = client.get("/books/2/availability",
                                    headers={"traceparent": upstream}).status_code
                print(f"\nwith traceparent {upstream}, database down -> {status}")
                print_tree(wait_for_spans([api_spans], 1))
                # --8<-- [end:upstream]


if __name__ == "__main__":
    main()
