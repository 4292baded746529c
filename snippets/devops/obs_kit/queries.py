"""The PromQL of the dashboard and the alerts, written once over the service's metric names."""

from __future__ import annotations

# --8<-- [start:queries]
WINDOW = "5m"

REQUEST_RATE = f"sum by (route) (rate(library_http_requests_total[{WINDOW}]))"

ERROR_RATIO = (
    f'sum(rate(library_http_requests_total{{status=~"5.."}}[{WINDOW}]))'
    f" / sum(rate(library_http_requests_total[{WINDOW}]))"
)

P95_LATENCY = (
    "histogram_quantile(0.95, sum by (le) "
    f"(rate(library_http_request_duration_seconds_bucket[{WINDOW}])))"
)

IN_FLIGHT = "sum(library_http_requests_in_flight)"
# --8<-- [end:queries]

LATENCY_SLO_SECONDS = 0.3
"""95% of requests should get their response headers within 300 ms."""

ERROR_RATIO_LIMIT = 0.05
"""Page when more than 5% of requests fail for 5 minutes."""
