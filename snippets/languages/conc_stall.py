"""CPU work inside an async handler stalls every other request; moving it off the loop fixes it."""

from __future__ import annotations

import threading
import time

import httpx

from labkit.measure import measured
from snippets.languages.conc_kit import servers

HEAD_START = 0.1  # seconds between starting the report and polling the health check


# --8<-- [start:probe]
def health_during(client: httpx.Client, report_path: str | None) -> tuple[float, float]:
    """Start a report (if any), then time GET /health while it runs.

    Returns (health check latency, report duration) in seconds.
    """
    report_time = 0.0

    def run_report() -> None:
        nonlocal report_time
        start = time.perf_counter()
        client.get(report_path).raise_for_status()
        report_time = time.perf_counter() - start

    worker = threading.Thread(target=run_report) if report_path else None
    if worker:
        worker.start()
        time.sleep(HEAD_START)  # the report is now computing
    start = time.perf_counter()
    client.get("/health").raise_for_status()
    health = time.perf_counter() - start
    if worker:
        worker.join()
    return health, report_time
# --8<-- [end:probe]


def main() -> None:
    """Poll /health while each kind of report runs."""
    # --8<-- [start:run]
    with servers.uvicorn("snippets.languages.conc_kit.stall_app:app") as port, \
            httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        client.get("/health")  # warm up the connection pool and the app
        idle, _ = health_during(client, None)
        on_loop, report = health_during(client, "/report/on-loop")
        in_thread, _ = health_during(client, "/report/to-thread")
        in_process, _ = health_during(client, "/report/in-process")
    # --8<-- [end:run]
    # --8<-- [start:print]
    ms = 1000
    took = measured(report * ms, unit=" ms", digits=0, at_least=300)
    print(f"the report on the event loop took {took}")
    print("GET /health latency:")
    print(f"  nothing else running      {measured(idle * ms, unit=' ms', at_most=100)}")
    stalled = measured(on_loop * ms, unit=" ms", digits=0, at_least=200)
    print(f"  report on the event loop  {stalled}")
    print(f"  report in a thread        {measured(in_thread * ms, unit=' ms', at_most=150)}")
    print(f"  report in a process       {measured(in_process * ms, unit=' ms', at_most=150)}")
    print(f"moving the work off the loop cut the wait by "
          f"{measured(on_loop / in_process, unit='×', digits=0, at_least=3)}")
    # --8<-- [end:print]


if __name__ == "__main__":
    main()
