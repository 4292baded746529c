"""The same slow endpoint behind a blocking server and an async server, under 50 clients."""

from __future__ import annotations

from labkit.measure import measured
from snippets.languages.conc_kit import servers
from snippets.languages.conc_kit.load import Load, run_load
from snippets.languages.conc_kit.slow_apps import blocking_app

CLIENTS = 50
REQUESTS = 200
WORKERS = 4


def report(name: str, load: Load) -> None:
    """Print throughput and latency of one run."""
    print(f"{name}: {load.requests} requests from {CLIENTS} concurrent clients")
    print(f"  requests/s:     {measured(load.per_second, digits=0, at_least=1)}")
    print(f"  median latency: {measured(load.median * 1000, unit=' ms', digits=0, at_least=100)}")
    print(f"  p95 latency:    {measured(load.p95 * 1000, unit=' ms', digits=0, at_least=100)}")


def main() -> None:
    """Load the blocking server (4 worker threads) and uvicorn (1 event loop); compare."""
    # --8<-- [start:run]
    with servers.blocking_server(blocking_app, workers=WORKERS) as port:
        blocking = run_load(port, "/", CLIENTS, REQUESTS)
    app = "snippets.languages.conc_kit.slow_apps:async_app"
    with servers.uvicorn(app, "--lifespan", "off") as port:  # a separate process
        evented = run_load(port, "/", CLIENTS, REQUESTS)
    # --8<-- [end:run]
    report(f"blocking WSGI server, {WORKERS} worker threads", blocking)
    report("uvicorn, 1 process, 1 event loop", evented)
    # --8<-- [start:ratio]
    ratio = evented.per_second / blocking.per_second
    print(f"async serves {measured(ratio, unit='×', at_least=3)} the requests per second")
    # --8<-- [end:ratio]


if __name__ == "__main__":
    main()
