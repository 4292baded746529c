"""Mirrors snippets/devops/obs_metrics.py: counts by route template, histogram, in-flight gauge."""

from __future__ import annotations

import contextlib
from pathlib import Path

import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.devops import obs_metrics
from snippets.devops.obs_kit.health import Database
from snippets.devops.obs_kit.scrape import scrape_when_idle
from snippets.devops.obs_kit.service import Observability, observable_app


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(tmp_path / "loans.db")
    database.create()
    return database


def test_counts_by_method_route_and_status(db: Database) -> None:
    with serve_in_thread(observable_app(db, Observability())) as base, \
            httpx.Client(base_url=base) as client:
        obs_metrics.traffic(client)
        for _ in range(3):
            client.get("/metrics")                      # scrapes are not counted
        result = scrape_when_idle(client)
    counter = "library_http_requests_total"
    assert result.value(counter, method="POST", route="/books", status="201") == 3
    assert result.value(counter, method="POST", route="/books", status="409") == 1
    assert result.value(counter, method="GET", route="/books/{book_id}", status="404") == 2
    assert result.value(counter, method="GET", route="unmatched", status="404") == 1
    assert result.total(counter) == 16
    assert not any("/books/99" in str(labels) for _, labels in result.samples)
    assert result.total(counter, route="/metrics") == 0
    histogram = "library_http_request_duration_seconds"
    assert result.value(f"{histogram}_count", method="GET", route="/books/{book_id}") == 6
    buckets = result.buckets(histogram, route="/books/{book_id}")
    assert buckets[-1] == (float("inf"), 6)
    assert [count for _, count in buckets] == sorted(count for _, count in buckets)


def test_an_exception_is_counted_as_500(db: Database) -> None:
    obs = Observability()
    app = observable_app(db, obs)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("bug")

    with serve_in_thread(app) as base:
        with contextlib.suppress(httpx.ReadError):  # uvicorn may close the connection
            assert httpx.get(f"{base}/boom").status_code == 500
        with httpx.Client(base_url=base) as client:
            result = scrape_when_idle(client)
    assert result.value("library_http_requests_total",
                        method="GET", route="/boom", status="500") == 1
    assert result.value("library_http_requests_in_flight") == 0


def test_snippet_output(capsys: pytest.CaptureFixture[str]) -> None:
    obs_metrics.main()
    out = capsys.readouterr().out
    assert "while the database is locked: in flight = 2" in out
    assert "after the lock is released:   in flight = 0" in out
    assert "# TYPE library_http_requests_total counter" in out
