"""Why the route label is a template: label by raw path and every URL becomes a new time series."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import httpx
from prometheus_client import CollectorRegistry, Counter

from labkit.serve import serve_in_thread
from snippets.devops.obs_kit.health import Database
from snippets.devops.obs_kit.metrics import HttpMetrics
from snippets.devops.obs_kit.scrape import scrape_when_idle
from snippets.devops.obs_kit.service import Observability, observable_app


# --8<-- [start:bad]
class RawPathCounter:
    """DON'T DO THIS: a counter labelled with the raw path, one series per distinct URL."""

    def __init__(self, app: Any, counter: Counter) -> None:
        self.app, self.counter = app, counter

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] != "/metrics":
            self.counter.labels(scope["method"], scope["path"]).inc()
        await self.app(scope, receive, send)
# --8<-- [end:bad]


def main() -> None:
    """Send 300 book reads and 50 scanner probes; count the series each labelling creates."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "loans.db")
        db.create()
        # --8<-- [start:compare]
        registry = CollectorRegistry()
        raw = Counter("library_raw_path_requests", "Requests by raw path (an anti-pattern).",
                      ["method", "path"], registry=registry)
        app = observable_app(db, Observability(metrics=HttpMetrics(registry)))
        app.add_middleware(RawPathCounter, counter=raw)
        with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
            for book_id in range(1, 301):
                client.get(f"/books/{book_id}")               # 300 different URLs, one route
            for n in range(50):
                client.get(f"/.env.backup{n}")                # a scanner guessing file names
            result = scrape_when_idle(client)
        by_path = result.series("library_raw_path_requests_total")
        by_route = result.series("library_http_requests_total")
        print(f"series labelled by raw path:       {len(by_path)}")
        print(f"series labelled by route template: {len(by_route)}")
        for labels, value in by_route:
            print(f"  {labels['method']} {labels['route']:<18} {labels['status']}  {value:g}")
        # --8<-- [end:compare]


if __name__ == "__main__":
    main()
