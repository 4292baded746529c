"""A circuit breaker sheds calls to a failing dependency and lets it recover."""

from __future__ import annotations

import httpx
from fastapi import FastAPI, Response

from labkit.clock import FakeClock
from labkit.serve import serve_in_thread
from snippets.devops.rel_kit.breaker import CircuitBreaker, CircuitOpen


def reports_app(health: dict[str, object]) -> FastAPI:
    """A reports service that answers 500 while `health["up"]` is false; it counts its calls."""
    app = FastAPI()

    @app.get("/report")
    def report(response: Response) -> dict[str, str]:
        health["hits"] = int(health["hits"]) + 1  # type: ignore[call-overload]
        if not health["up"]:
            response.status_code = 500
            return {"error": "database unreachable"}
        return {"report": "ok"}

    return app


def main() -> None:
    """Call the reports service once a (simulated) second while it fails and recovers."""
    health: dict[str, object] = {"up": True, "hits": 0}
    with serve_in_thread(reports_app(health)) as base, \
            httpx.Client(base_url=base, timeout=2.0) as client:
        # --8<-- [start:run]
        clock = FakeClock()
        breaker = CircuitBreaker(threshold=3, reset_after=4.0, clock=clock)

        def fetch_report() -> str:
            response = client.get("/report")
            response.raise_for_status()  # a 5xx counts as a failure
            return "200"

        print(" t  dependency  breaker                 outcome        calls that reached it")
        for second in range(16):
            health["up"] = not 2 <= second < 10  # down from t=2 s to t=10 s
            path = [breaker.state]
            breaker.moves.clear()
            try:
                outcome = breaker.call(fetch_report)
            except CircuitOpen:
                outcome = "shed (fast)"
            except httpx.HTTPStatusError as error:
                outcome = f"failed {error.response.status_code}"
            state = "→".join(path + breaker.moves)
            print(f"{second:>2}  {'up' if health['up'] else 'DOWN':<10}  {state:<22}  "
                  f"{outcome:<13}  {health['hits']}")
            clock.advance(1.0)
        # --8<-- [end:run]


if __name__ == "__main__":
    main()
