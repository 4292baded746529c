"""SLIs from the service's own metrics: availability and latency against their objectives."""

from __future__ import annotations

import tempfile
from pathlib import Path

import httpx

from labkit.serve import serve_in_thread
from snippets.devops.obs_kit.health import Database
from snippets.devops.obs_kit.metrics import ReplayedLatencies
from snippets.devops.obs_kit.scrape import scrape_when_idle
from snippets.devops.obs_kit.service import Observability, observable_app

# --8<-- [start:objectives]
AVAILABILITY_SLO = 0.995      # 99.5% of requests get a non-5xx answer ...
LATENCY_SLO = 0.95            # ... and 95% get their headers within 300 ms
LATENCY_BOUND = "0.3"         # the histogram has a bucket boundary exactly there
PERIOD_DAYS = 30
# --8<-- [end:objectives]


def main() -> None:
    """Serve 1,000 availability checks (3 while the database is down); compute SLIs and budgets."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "loans.db")
        db.create()
        latencies = ReplayedLatencies([0.4 if n % 50 == 0 else 0.02 for n in range(1000)])
        with serve_in_thread(observable_app(db, Observability(stopwatch=latencies))) as base, \
                httpx.Client(base_url=base) as client:
            for n in range(1000):
                if n == 500:
                    db.path.rename(db.path.with_suffix(".away"))      # a short outage ...
                if n == 503:
                    db.path.with_suffix(".away").rename(db.path)      # ... of three requests
                client.get("/books/1/availability")
            result = scrape_when_idle(client)
        # --8<-- [start:sli]
        total = result.total("library_http_requests_total")
        failed = sum(value for labels, value in result.series("library_http_requests_total")
                     if labels["status"].startswith("5"))
        fast = result.total("library_http_request_duration_seconds_bucket", le=LATENCY_BOUND)
        for name, sli, slo in (("availability", (total - failed) / total, AVAILABILITY_SLO),
                               ("latency", fast / total, LATENCY_SLO)):
            allowed = (1 - slo) * total                  # the error budget, in requests
            spent = (1 - sli) * total
            print(f"{name:<12} SLI {sli:.2%}  SLO {slo:.1%}  budget {allowed:.0f} requests,"
                  f" spent {spent:.0f} ({spent / allowed:.0%})")
        minutes = (1 - AVAILABILITY_SLO) * PERIOD_DAYS * 24 * 60
        print(f"a {AVAILABILITY_SLO:.1%} objective over {PERIOD_DAYS} days allows"
              f" {minutes:.0f} minutes of total outage")
        # --8<-- [end:sli]


if __name__ == "__main__":
    main()
