"""A rate and a p95 from two scrapes of the histogram, computed the way PromQL does it."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import httpx

from labkit.measure import measured
from labkit.serve import serve_in_thread
from snippets.devops.obs_kit.health import Database
from snippets.devops.obs_kit.metrics import ReplayedLatencies
from snippets.devops.obs_kit.promql import histogram_quantile, increase, rate
from snippets.devops.obs_kit.queries import P95_LATENCY, REQUEST_RATE
from snippets.devops.obs_kit.scrape import scrape_when_idle
from snippets.devops.obs_kit.service import Observability, observable_app

HISTOGRAM = "library_http_request_duration_seconds"

# --8<-- [start:latencies]
WARM_UP = [0.02] * 20                                        # before the first scrape
FAST = [0.012 + 0.033 * i / 169 for i in range(170)]         # 12-45 ms
SLOWER = [0.15 + 0.30 * i / 19 for i in range(20)]           # 150-450 ms
SLOWEST = [0.6 + 1.4 * i / 9 for i in range(10)]             # 0.6-2 s
WINDOW = FAST + SLOWER + SLOWEST                             # 200 requests between scrapes
# --8<-- [end:latencies]


def exact_quantile(q: float, values: list[float]) -> float:
    """The nearest-rank quantile of the raw values (what the histogram estimates)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def main() -> None:
    """Replay known latencies through the service, scrape twice, and compute rate and p95."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "loans.db")
        db.create()
        # --8<-- [start:window]
        obs = Observability(stopwatch=ReplayedLatencies(WARM_UP + WINDOW))
        with serve_in_thread(observable_app(db, obs)) as base, \
                httpx.Client(base_url=base) as client:
            for _ in WARM_UP:
                client.get("/books")
            first = scrape_when_idle(client)
            for _ in WINDOW:
                client.get("/books")
            second = scrape_when_idle(client)
        seconds = 60.0  # say the scrapes were a minute apart; Prometheus uses their timestamps
        count = (first.value(f"{HISTOGRAM}_count", method="GET", route="/books"),
                 second.value(f"{HISTOGRAM}_count", method="GET", route="/books"))
        print(f"requests between scrapes: {increase(*count):g}, "
              f"rate: {rate(*count, seconds):.2f}/s")
        # --8<-- [end:window]

        # --8<-- [start:buckets]
        before = dict(first.buckets(HISTOGRAM, route="/books"))
        window = [(bound, increase(before.get(bound, 0.0), total))
                  for bound, total in second.buckets(HISTOGRAM, route="/books")]
        print("le (s)   cumulative count in the window")
        for bound, total in window:
            print(f"  {'+Inf' if math.isinf(bound) else f'{bound:g}':<6} {total:g}")
        # --8<-- [end:buckets]

        # --8<-- [start:p95]
        sums = (first.value(f"{HISTOGRAM}_sum", method="GET", route="/books"),
                second.value(f"{HISTOGRAM}_sum", method="GET", route="/books"))
        mean = increase(*sums) / increase(*count)
        print(f"mean latency:             {mean * 1000:.0f} ms")
        print(f"p95 from the buckets:     {histogram_quantile(0.95, window) * 1000:.0f} ms")
        print(f"p95 of the raw latencies: {exact_quantile(0.95, WINDOW) * 1000:.0f} ms")
        print(f"slowest request:          {max(WINDOW) * 1000:.0f} ms")
        # --8<-- [end:p95]
        print(f"the same in PromQL:\n  {P95_LATENCY}\n  {REQUEST_RATE}")
        print(f"after a restart the counter reads 12, not 500: increase = {increase(500, 12):g}")

        # --8<-- [start:real]
        with serve_in_thread(observable_app(db, Observability())) as base, \
                httpx.Client(base_url=base) as client:
            for _ in range(50):
                client.get("/books")
            real = scrape_when_idle(client).buckets(HISTOGRAM, route="/books")
        p95 = histogram_quantile(0.95, real) * 1000
        print(f"p95 of 50 real requests: {measured(p95, unit=' ms', at_most=300)}")
        # --8<-- [end:real]


if __name__ == "__main__":
    main()
