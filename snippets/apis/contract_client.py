"""An HTTP client with explicit timeouts that retries only safe requests, with jittered backoff."""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx
from fastapi import FastAPI
from fastapi.responses import JSONResponse

from labkit.measure import measured
from labkit.serve import serve_in_thread

# --8<-- [start:policy]
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})  # RFC 9110, 9.2.2
RETRY_STATUSES = frozenset({429, 502, 503, 504})
CLIENT_TIMEOUT = httpx.Timeout(connect=1.0, read=0.2, write=1.0, pool=1.0)  # [mark:timeout]


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Read a Retry-After header: a number of seconds, or an HTTP date (RFC 9110, 10.2.3)."""
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - now).total_seconds())


def backoff(attempt: int, rng: random.Random, base: float = 0.05, cap: float = 2.0) -> float:
    """Exponential backoff with full jitter: a random wait in [0, min(cap, base * 2**attempt)]."""
    return rng.uniform(0, min(cap, base * 2**attempt))  # [mark:jitter]
# --8<-- [end:policy]


# --8<-- [start:send]
def send(client: httpx.Client, method: str, url: str, *, attempts: int = 3,
         max_wait: float = 5.0, rng: random.Random, log: list[str]) -> httpx.Response:
    """Send a request; retry an idempotent one after a timeout, a lost connection or a 429/5xx."""
    for attempt in range(1, attempts + 1):
        last = attempt == attempts
        retryable = method in IDEMPOTENT  # [mark:idempotent]
        try:
            response = client.request(method, url)
        except (httpx.TimeoutException, httpx.TransportError) as error:
            log.append(f"attempt {attempt}: {type(error).__name__}")
            if last or not retryable:
                raise
            time.sleep(backoff(attempt, rng))
            continue
        log.append(f"attempt {attempt}: {response.status_code}")
        if last or not retryable or response.status_code not in RETRY_STATUSES:
            return response
        wait = retry_after_seconds(response.headers.get("Retry-After"), datetime.now(UTC))
        if wait is None:
            wait = backoff(attempt, rng)
        if wait > max_wait:  # the server asks for longer than this caller can wait
            return response
        time.sleep(wait)  # [mark:wait]
    raise AssertionError("unreachable: the last attempt always returns or raises")
# --8<-- [end:send]


# --8<-- [start:server]
def unreliable_library() -> FastAPI:
    """A server that fails the first two calls to each path, and a path that is always slow."""
    app = FastAPI()
    calls: Counter[str] = Counter()

    def fail_twice(path: str, body: dict[str, object]) -> JSONResponse:
        calls[path] += 1
        if calls[path] == 1:
            return JSONResponse({"title": "Service Unavailable"}, status_code=503)
        if calls[path] == 2:
            return JSONResponse({"title": "Too Many Requests"}, status_code=429,
                                headers={"Retry-After": "1"})  # [mark:retry-after]
        return JSONResponse(body)

    @app.get("/books/{book_id}")
    def get_book(book_id: int) -> JSONResponse:
        return fail_twice(f"/books/{book_id}", {"id": book_id, "title": "The Dispossessed"})

    @app.post("/books/{book_id}/loans")
    def borrow(book_id: int) -> JSONResponse:
        return fail_twice(f"/books/{book_id}/loans", {"id": 1, "book_id": book_id})

    @app.get("/slow")
    async def slow() -> dict[str, str]:
        await asyncio.sleep(2.0)  # ten times the client's 0.2 s read timeout
        return {"title": "too late"}

    return app
# --8<-- [end:server]


def main() -> None:
    """Run the client against the flaky server and the slow one; count the attempts."""
    rng = random.Random(2025)  # seeded: the jitter is random, the run is repeatable
    # --8<-- [start:main]
    with serve_in_thread(unreliable_library()) as base_url, \
            httpx.Client(base_url=base_url, timeout=CLIENT_TIMEOUT) as client:
        log: list[str] = []
        started = time.perf_counter()
        response = send(client, "GET", "/books/1", rng=rng, log=log)
        elapsed = time.perf_counter() - started
        print("GET /books/1 ->", response.status_code, response.json(), "|", "; ".join(log))
        print("  waited as Retry-After asked:",
              measured(elapsed, unit=" s", digits=1, at_least=1.0))

        log = []
        response = send(client, "POST", "/books/1/loans", rng=rng, log=log)
        print("POST /books/1/loans ->", response.status_code, "|", "; ".join(log))

        log = []
        started = time.perf_counter()
        try:
            send(client, "GET", "/slow", rng=rng, log=log)
        except httpx.ReadTimeout:
            print("GET /slow -> gave up: ReadTimeout |", "; ".join(log))
        print("  gave up after:", measured(time.perf_counter() - started, unit=" s", digits=1,
                                           at_most=1.9))
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
