"""Graceful shutdown of a real uvicorn process: SIGTERM drains, SIGKILL drops requests."""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass

import httpx

from labkit.measure import measured
from snippets.devops.rel_kit.processes import ServerProcess, uvicorn_process

APP = "snippets.devops.rel_kit.service:create_app"
GRACE = 10.0  # what we allow the process, like Kubernetes' terminationGracePeriodSeconds


@dataclass
class InFlight:
    """Requests running in threads, and how each ended."""

    threads: list[threading.Thread]
    results: list[str]


def send_slow(server: ServerProcess, count: int, seconds: float) -> InFlight:
    """Start `count` requests that each take `seconds`; wait until the server runs them all."""
    results: list[str] = []

    def one() -> None:
        try:
            response = httpx.get(f"{server.base_url}/slow", params={"seconds": seconds},
                                 timeout=30)
            results.append(str(response.status_code))
        except httpx.HTTPError as error:
            results.append(type(error).__name__)

    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    while httpx.get(f"{server.base_url}/stats").json()["in_flight"] < count:
        time.sleep(0.05)
    return InFlight(threads, results)


def finish(server: ServerProcess, requests: InFlight, sent: float) -> None:
    """Wait for the in-flight requests and the process; print how each ended."""
    for thread in requests.threads:
        thread.join(30)
    counts = Counter(requests.results)
    print("  in-flight requests:", ", ".join(f"{n} x {what}" for what, n in sorted(counts.items())))
    code = server.process.wait(timeout=GRACE)  # raises if it overstays its grace period
    took = time.monotonic() - sent
    print(f"  process ended {measured(took, unit=' s', at_most=GRACE)} after the signal,"
          f" returncode {code} ({signal.Signals(-code).name})")


def probe(url: str) -> str:
    """One request on a new connection: its status, or why there was none."""
    try:
        return str(httpx.get(url, timeout=2).status_code)
    except httpx.ConnectError:
        return "connection refused"


def main() -> None:
    """SIGTERM with requests in flight, then SIGKILL, then a grace timeout too short."""
    # --8<-- [start:sigterm]
    print("SIGTERM, 3 requests of 4 s in flight, drain delay 1.5 s:")
    with uvicorn_process(APP, "--factory", env={"REL_DRAIN_SECONDS": "1.5"}) as server:
        requests = send_slow(server, 3, seconds=4)
        server.process.send_signal(signal.SIGTERM)  # [mark:term]
        sent = time.monotonic()
        time.sleep(0.2)
        print("  readiness probe right after:", probe(f"{server.base_url}/ready"))
        print("  GET /books right after:     ", probe(f"{server.base_url}/books"))
        time.sleep(2.3)  # past the drain delay: uvicorn has closed its listening socket
        print("  GET /books 2.5 s later:     ", probe(f"{server.base_url}/books"))
        finish(server, requests, sent)
    # --8<-- [end:sigterm]

    # --8<-- [start:sigkill]
    print("SIGKILL, 3 requests of 3 s in flight:")
    with uvicorn_process(APP, "--factory") as server:
        requests = send_slow(server, 3, seconds=3)
        server.process.send_signal(signal.SIGKILL)  # [mark:kill]
        finish(server, requests, time.monotonic())
    # --8<-- [end:sigkill]

    # --8<-- [start:too-long]
    print("SIGTERM, --timeout-graceful-shutdown 1, 2 requests of 5 s in flight:")
    with uvicorn_process(APP, "--factory", "--timeout-graceful-shutdown", "1") as server:
        requests = send_slow(server, 2, seconds=5)
        server.process.send_signal(signal.SIGTERM)
        finish(server, requests, time.monotonic())
    # --8<-- [end:too-long]


if __name__ == "__main__":
    main()
