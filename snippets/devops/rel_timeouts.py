"""Timeouts: a call with none hangs forever; connect, read and total timeouts; deadlines."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
from fastapi import FastAPI, Header, Response

from labkit.measure import measured
from labkit.serve import serve_in_thread
from snippets.devops.rel_kit.deadline import Deadline
from snippets.devops.rel_kit.slowdeps import misbehaving_server


def hang_then_timeout() -> None:
    """Call a dependency that never answers: once without a timeout, once with one."""
    with misbehaving_server() as url:
        # --8<-- [start:hang]
        outcome: list[str] = []

        def no_timeout() -> None:
            try:
                httpx.get(url, timeout=None)  # [mark:none]
                outcome.append("answered")
            except httpx.HTTPError as error:
                outcome.append(type(error).__name__)

        caller = threading.Thread(target=no_timeout)
        caller.start()
        caller.join(2.0)  # we watch for 2 s; the call itself would wait forever
        print("timeout=None, after 2 s:", "still waiting" if caller.is_alive() else outcome)

        started = time.monotonic()
        limits = httpx.Timeout(connect=1.0, read=0.5, write=1.0, pool=1.0)  # [mark:limits]
        try:
            httpx.get(url, timeout=limits)
        except httpx.ReadTimeout:
            waited = time.monotonic() - started
            print(f"read=0.5 s: ReadTimeout after {measured(waited, unit=' s', at_most=1.5)}")
        # --8<-- [end:hang]
    caller.join(5)  # closing the server dropped the connection, so the first call ended
    print("timeout=None, once the server closed the connection:", outcome[0])


def read_timeout_is_not_total() -> None:
    """A body trickling one byte every 0.2 s never trips a 0.5 s read timeout."""
    with misbehaving_server(trickle=0.2) as url:
        # --8<-- [start:trickle]
        started = time.monotonic()
        response = httpx.get(url, timeout=httpx.Timeout(0.5))  # each read waits ≤ 0.5 s
        took = time.monotonic() - started
        print(f"read=0.5 s, body trickled: {response.status_code} after "
              f"{measured(took, unit=' s', at_least=1.5)}: no read ever waited 0.5 s")

        async def total_deadline() -> str:
            async with httpx.AsyncClient(timeout=0.5) as client:
                try:
                    async with asyncio.timeout(1.0):  # the whole call, not each read
                        await client.get(url)
                    return "answered"
                except TimeoutError:
                    return "TimeoutError: the whole call took longer than 1.0 s"

        print("asyncio.timeout(1.0) around it:", asyncio.run(total_deadline()))
        # --8<-- [end:trickle]


def downstream_app(started: list[float]) -> FastAPI:
    """A recommendations service that needs `cost` seconds and reads the caller's budget."""
    app = FastAPI()

    # --8<-- [start:downstream]
    @app.get("/recommendations")
    async def recommendations(response: Response, cost: float,
                              x_budget_ms: int | None = Header(None)) -> dict[str, str]:
        if x_budget_ms is not None and x_budget_ms < cost * 1000:
            response.status_code = 504  # the caller will have given up: don't start
            return {"skipped": "not enough time left"}
        started.append(cost)  # real work begins
        await asyncio.sleep(cost)
        return {"books": "Kindred, Dune"}
    # --8<-- [end:downstream]

    return app


def propagate_deadline() -> None:
    """A 1 s page budget shared by two downstream calls, with and without propagation."""
    started: list[float] = []
    with serve_in_thread(downstream_app(started)) as base, \
            httpx.Client(base_url=base) as client:
        # --8<-- [start:propagate]
        def book_page(deadline: Deadline | None) -> list[str]:
            results = []
            for cost in (0.4, 2.0):  # reviews are quick, recommendations slow
                try:
                    if deadline:
                        response = client.get("/recommendations", params={"cost": cost},
                                              timeout=deadline.timeout(),
                                              headers=deadline.header())  # [mark:hand-down]
                    else:
                        response = client.get("/recommendations", params={"cost": cost},
                                              timeout=1.0)  # the same 1 s for every call
                    results.append(str(response.status_code))
                except httpx.TimeoutException:
                    results.append("timeout")
            return results

        for label, deadline in (("fixed 1 s per call", None),
                                ("one 1 s deadline  ", "shared")):
            started.clear()
            began = time.monotonic()
            results = book_page(Deadline(1.0) if deadline else None)
            took = time.monotonic() - began
            claim = {"at_most": 1.3} if deadline else {"at_least": 1.3}
            print(f"{label}: {results}, page took {measured(took, unit=' s', **claim)},"
                  f" downstream started {len(started)} job(s)")
        # --8<-- [end:propagate]


def main() -> None:
    """Hang, time out, trickle, and share one deadline across calls."""
    hang_then_timeout()
    read_timeout_is_not_total()
    propagate_deadline()


if __name__ == "__main__":
    main()
