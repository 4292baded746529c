"""Prometheus metrics for HTTP requests: a counter, a latency histogram and an in-flight gauge."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

Stopwatch = Callable[[], float]
"""Returns the seconds elapsed since the stopwatch was started."""

StartStopwatch = Callable[[], Stopwatch]
"""Starts a stopwatch (one per request)."""

# --8<-- [start:buckets]
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.5, 5.0)
"""Upper bounds in seconds; +Inf is added by the client library. 0.3 is the latency SLO."""
# --8<-- [end:buckets]


def wall_clock() -> Stopwatch:
    """A real stopwatch on the monotonic performance counter."""
    start = time.perf_counter()
    return lambda: time.perf_counter() - start


class ReplayedLatencies:
    """Stopwatches that report recorded durations in order, so bucket counts never vary.

    A real service uses `wall_clock`; the snippets replay known durations when they need
    the same histogram on every run.
    """

    def __init__(self, durations: Iterable[float]) -> None:
        self._left = deque(durations)
        self._lock = threading.Lock()

    def __call__(self) -> Stopwatch:
        with self._lock:
            duration = self._left.popleft()
        return lambda: duration


# --8<-- [start:metrics]
class HttpMetrics:
    """The RED metrics of one service, in a registry of their own."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self.requests = Counter(
            "library_http_requests",  # exposed as library_http_requests_total
            "HTTP requests answered, by method, route template and status code.",
            ["method", "route", "status"], registry=self.registry)
        self.duration = Histogram(
            "library_http_request_duration_seconds",
            "Time from receiving a request to sending its response headers.",
            ["method", "route"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.in_flight = Gauge(
            "library_http_requests_in_flight",
            "Requests being handled right now.", registry=self.registry)
# --8<-- [end:metrics]


def route_of(scope: dict[str, Any]) -> str:
    """The route template the router matched (`/books/{book_id}`), or `unmatched`."""
    route = scope.get("route")
    return getattr(route, "path_format", None) or getattr(route, "path", None) or "unmatched"


# --8<-- [start:middleware]
class MetricsMiddleware:
    """ASGI middleware that counts and times every request (except the scrapes themselves)."""

    def __init__(self, app: Any, metrics: HttpMetrics, stopwatch: StartStopwatch = wall_clock,
                 skip: frozenset[str] = frozenset({"/metrics"})) -> None:
        self.app, self.metrics, self.stopwatch, self.skip = app, metrics, stopwatch, skip

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] in self.skip:
            await self.app(scope, receive, send)
            return
        elapsed = self.stopwatch()
        recorded = False

        def record(status: int) -> None:
            nonlocal recorded
            method, route = scope["method"], route_of(scope)  # [mark:template]
            self.metrics.requests.labels(method, route, str(status)).inc()
            self.metrics.duration.labels(method, route).observe(elapsed())
            recorded = True

        async def send_and_record(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                record(message["status"])  # [mark:headers]
            await send(message)

        self.metrics.in_flight.inc()
        try:
            await self.app(scope, receive, send_and_record)
        except Exception:
            if not recorded:
                record(500)
            raise
        finally:
            self.metrics.in_flight.dec()
# --8<-- [end:middleware]
