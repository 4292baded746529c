"""A small reverse proxy that splits traffic between two releases by a counter, not by chance.

`Router` is a WSGI app: serve it with `labkit.serve.serve_wsgi_in_thread`. It forwards each
request to `stable` or `canary`. Out of every 100 requests it numbers, exactly `percent` go
to the canary, spread evenly (request n goes to the canary when n × percent / 100 crosses a
whole number), so a run is repeatable. It counts requests, server errors and requests in
flight per release, and `route()` changes the split atomically, between two requests.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpx

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length",
              "content-encoding"}
"""Headers the proxy does not copy: hop-by-hop ones (RFC 9110, section 7.6.1), which describe
one connection, plus content-length and content-encoding, which no longer match the body once
httpx has decoded it."""


@dataclass(frozen=True)
class Upstream:
    """A release the router can send requests to."""

    name: str
    url: str


class Router:
    """Route by percentage between a stable and a canary release, and count what happens."""

    def __init__(self, stable: Upstream) -> None:
        self._lock = threading.Lock()
        self.stable, self.canary, self.percent = stable, stable, 0
        self._numbered = 0
        self.requests: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.in_flight: Counter[str] = Counter()
        self._http = httpx.Client(timeout=10)

    # --8<-- [start:route]
    def route(self, stable: Upstream, canary: Upstream | None = None,
              percent: int = 0) -> None:
        """Send `percent` % of the next requests to `canary`, the rest to `stable`."""
        with self._lock:  # atomic: a request sees the old split or the new one
            self.stable, self.canary = stable, canary or stable
            self.percent, self._numbered = percent, 0

    def pick(self) -> Upstream:
        """The release for the next request: `percent` in every 100, evenly spread."""
        with self._lock:
            self._numbered += 1
            n, p = self._numbered, self.percent
            crossed = n * p // 100 > (n - 1) * p // 100  # [mark:counter]
            chosen = self.canary if crossed else self.stable
            self.requests[chosen.name] += 1
            self.in_flight[chosen.name] += 1
            return chosen
    # --8<-- [end:route]

    def _done(self, upstream: Upstream, status: int) -> None:
        with self._lock:
            self.in_flight[upstream.name] -= 1
            if status >= 500:
                self.errors[upstream.name] += 1

    def reset_counts(self) -> None:
        """Start counting requests and errors from zero (the split stays)."""
        with self._lock:
            self.requests.clear()
            self.errors.clear()

    def __call__(self, environ: dict[str, Any],
                 start_response: Callable[..., Any]) -> Iterable[bytes]:
        """Forward one request to the release `pick()` chose; 502 if it cannot be reached."""
        upstream = self.pick()
        path = environ.get("PATH_INFO", "/")
        if environ.get("QUERY_STRING"):
            path += "?" + environ["QUERY_STRING"]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        try:
            reply = self._http.request(environ["REQUEST_METHOD"], upstream.url + path,
                                       content=body)
            status, content = reply.status_code, reply.content
            headers = [(k, v) for k, v in reply.headers.items() if k.lower() not in HOP_BY_HOP]
            reason = reply.reason_phrase
        except httpx.TransportError:
            status, reason, content = 502, "Bad Gateway", b"upstream unreachable"
            headers = [("Content-Type", "text/plain")]
        self._done(upstream, status)
        start_response(f"{status} {reason}", [*headers, ("X-Routed-To", upstream.name)])
        return [content]

    def close(self) -> None:
        """Close the connections to the releases."""
        self._http.close()
