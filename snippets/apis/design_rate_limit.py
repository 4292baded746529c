"""Rate limiting with a token bucket per client: 429 Too Many Requests with Retry-After."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx
from fastapi import FastAPI, Request, Response

from labkit.clock import FakeClock
from labkit.serve import serve_in_thread
from snippets.apis.design_app.problems import Problem, install_problem_handlers, problem_response


# --8<-- [start:bucket]
@dataclass
class Bucket:
    """Holds up to `capacity` tokens and gains `rate` tokens a second; a request spends one."""

    capacity: float
    rate: float
    tokens: float
    updated: float

    def take(self, now: float) -> float:
        """Spend a token and return 0, or return the seconds until one is available."""
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate  # [mark:wait]
# --8<-- [end:bucket]


def create_app(clock: Callable[[], float], capacity: int = 3, rate: float = 0.5) -> FastAPI:
    """The library API, allowing each client a burst of `capacity`, then `rate` a second."""
    app = FastAPI()
    install_problem_handlers(app)
    buckets: dict[str, Bucket] = {}

    # --8<-- [start:middleware]
    @app.middleware("http")
    async def limit(request: Request,
                    call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        client = request.headers.get("api-key", "anonymous")  # who is asking
        bucket = buckets.setdefault(client, Bucket(capacity, rate, capacity, clock()))
        wait = bucket.take(clock())
        if wait:
            seconds = math.ceil(wait)  # Retry-After takes whole seconds
            problem = Problem(429, "rate-limited", f"Slow down: {capacity} requests, then "
                              f"one every {1 / rate:g} s.", headers={"Retry-After": str(seconds)})
            return problem_response(request, problem)  # [mark:429]
        return await call_next(request)
    # --8<-- [end:middleware]

    @app.get("/books")
    def books() -> list[str]:
        return ["Kindred", "Dune"]

    return app


def main() -> None:
    """Send a burst from one client, hit the limit, wait as told, and try again."""
    clock = FakeClock(1000.0)  # moved by hand: every run prints the same Retry-After
    with serve_in_thread(create_app(clock)) as base, httpx.Client(base_url=base) as client:
        # --8<-- [start:burst]
        ada = {"Api-Key": "ada"}
        for n in range(1, 5):
            response = client.get("/books", headers=ada)
            print(f"ada #{n}: {response.status_code}",
                  f"Retry-After: {response.headers.get('retry-after', '-')}")
        print("problem:", response.json()["title"], "-", response.json()["detail"])
        print("bob  #1:", client.get("/books", headers={"Api-Key": "bob"}).status_code)
        clock.now += int(response.headers["retry-after"])  # ada waits as she was told
        print("ada, 2 s later:", client.get("/books", headers=ada).status_code)
        # --8<-- [end:burst]


if __name__ == "__main__":
    main()
