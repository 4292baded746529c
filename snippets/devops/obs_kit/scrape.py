"""Read a /metrics page the way Prometheus does: fetch it over HTTP and parse the exposition."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import httpx
from prometheus_client.parser import text_string_to_metric_families


@dataclass(frozen=True)
class Scrape:
    """Every sample of one scrape: (sample name, sorted label pairs) -> value."""

    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float]

    def value(self, name: str, **labels: str) -> float:
        """One sample's value; 0 when the series does not exist (yet)."""
        return self.samples.get((name, tuple(sorted(labels.items()))), 0.0)

    def total(self, name: str, **labels: str) -> float:
        """The sum over every series of `name` whose labels include `labels`."""
        wanted = set(labels.items())
        return sum(value for (sample, pairs), value in self.samples.items()
                   if sample == name and wanted <= set(pairs))

    def buckets(self, name: str, **labels: str) -> list[tuple[float, float]]:
        """Cumulative (upper bound, count) pairs of a histogram, summed over other labels."""
        bounds: dict[float, float] = {}
        wanted = set(labels.items())
        for (sample, pairs), value in self.samples.items():
            if sample == f"{name}_bucket" and wanted <= set(pairs):
                bound = float(dict(pairs)["le"])
                bounds[bound] = bounds.get(bound, 0.0) + value
        return sorted(bounds.items(), key=lambda pair: pair[0])

    def series(self, name: str) -> list[tuple[dict[str, str], float]]:
        """Every series of `name` as (labels, value), in label order."""
        found = sorted((pairs, value) for (sample, pairs), value in self.samples.items()
                       if sample == name)
        return [(dict(pairs), value) for pairs, value in found]

    def names(self) -> set[str]:
        """Every sample name exposed: what a PromQL expression may refer to."""
        return {name for name, _ in self.samples}


# --8<-- [start:parse]
def parse(text: str) -> Scrape:
    """Parse Prometheus text exposition with prometheus_client's own parser."""
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            key = (sample.name, tuple(sorted(sample.labels.items())))
            samples[key] = sample.value
    return Scrape(samples)


def scrape(client: httpx.Client, path: str = "/metrics") -> Scrape:
    """GET the metrics page and parse it."""
    response = client.get(path)
    response.raise_for_status()
    return parse(response.text)
# --8<-- [end:parse]


def scrape_when_idle(client: httpx.Client, gauge: str = "library_http_requests_in_flight",
                     timeout: float = 5.0) -> Scrape:
    """Scrape until no request is in flight, so every finished request is in the figures."""
    deadline = time.monotonic() + timeout
    while True:
        result = scrape(client)
        if math.isclose(result.value(gauge), 0.0) or time.monotonic() > deadline:
            return result
        time.sleep(0.01)
