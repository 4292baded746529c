"""Retries with exponential backoff and full jitter: by hand, then with tenacity."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import httpx
import tenacity
from fastapi import FastAPI, Request, Response
from tenacity import retry_if_exception_type, stop_after_attempt, wait_random_exponential

from labkit.clock import FakeClock
from labkit.serve import serve_in_thread
from snippets.devops.rel_kit.backoff import send_with_retries

NOW = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def flaky_app() -> FastAPI:
    """A dependency that fails its first two calls of each kind, then works."""
    app = FastAPI()
    calls: dict[str, int] = {}

    @app.api_route("/{path:path}", methods=["GET", "POST"])
    def handle(path: str, request: Request) -> Response:
        kind = f"{request.method} /{path} {request.headers.get('idempotency-key')}"
        calls[kind] = calls.get(kind, 0) + 1
        if path == "down" or calls[kind] == 1:
            return Response(status_code=503, headers={"Retry-After": "3"})
        if calls[kind] == 2:
            return Response(status_code=503)
        return Response(status_code=201 if request.method == "POST" else 200)

    return app


def by_hand(client: httpx.Client) -> None:
    """The hand-written loop: a GET, a POST without a key, the same POST with one."""
    # --8<-- [start:by-hand]
    clock, rng = FakeClock(), random.Random(7)  # simulated waits, seeded jitter
    requests = [
        ("GET /books", client.build_request("GET", "/books")),
        ("POST /loans, no key", client.build_request("POST", "/loans")),
        ("POST /loans with Idempotency-Key", client.build_request(
            "POST", "/loans", headers={"Idempotency-Key": "8e0f1c52-loan-42"})),
    ]
    for label, request in requests:
        print(label)
        response = send_with_retries(client, request, attempts=5, base=0.5, cap=8, rng=rng,
                                     sleep=clock.sleep, now=lambda: NOW)
        print(f"  → {response.status_code}")
    # --8<-- [end:by-hand]


def with_tenacity(client: httpx.Client) -> None:
    """The same policy with tenacity 9.2.1, on a dependency that is down for good."""
    # --8<-- [start:tenacity]
    class Transient(Exception):
        """A 429 or 5xx: worth another try."""

    clock = FakeClock()
    random.seed(7)  # wait_random_exponential draws from the random module
    retrying = tenacity.Retrying(
        wait=wait_random_exponential(multiplier=0.5, max=8),  # full jitter, cap 8 s
        stop=stop_after_attempt(4),
        retry=retry_if_exception_type((Transient, httpx.TransportError)),
        sleep=clock.sleep,  # tenacity lets you swap its sleep: handy in tests
        reraise=True,
    )

    def get(path: str) -> int:
        response = client.get(path)
        if response.status_code in {429, 502, 503, 504}:
            raise Transient(f"{response.status_code} from {path}")
        return response.status_code

    try:
        retrying(get, "/down")
    except Transient as error:
        tries = retrying.statistics["attempt_number"]
        print(f"tenacity gave up after {tries} attempts: {error}")
    print("its waits:", ", ".join(f"{s:.2f} s" for s in clock.sleeps))
    # --8<-- [end:tenacity]


def main() -> None:
    """Retry three requests by hand, then let tenacity retry one that never recovers."""
    with serve_in_thread(flaky_app()) as base, httpx.Client(base_url=base) as client:
        by_hand(client)
        with_tenacity(client)


if __name__ == "__main__":
    main()
