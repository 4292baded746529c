"""Polling and long polling for the same three updates: how many requests each one costs."""

from __future__ import annotations

import asyncio
import threading
import time
from contextlib import suppress

import httpx
from fastapi import FastAPI

from labkit.measure import measured
from labkit.serve import serve_in_thread

UPDATES = 3
GAP = 0.3  # seconds between two updates
POLL_EVERY = 0.05  # the short-polling client asks this often


# --8<-- [start:server]
def create_app() -> FastAPI:
    """`/scores?after=n` answers at once; `/scores/wait?after=n` holds the request until news."""
    app = FastAPI()
    scores: list[str] = []
    news = asyncio.Condition()

    @app.post("/scores")
    async def add(score: str) -> int:
        async with news:
            scores.append(score)
            news.notify_all()  # wake every held long-poll request  # [mark:wake]
        return len(scores)

    @app.get("/scores")
    async def short_poll(after: int) -> list[str]:
        return scores[after:]  # often [] : nothing new yet

    @app.get("/scores/wait")
    async def long_poll(after: int) -> list[str]:
        async with news:
            with suppress(TimeoutError):  # after 25 s answer [] and let the client ask again
                await asyncio.wait_for(news.wait_for(lambda: len(scores) > after), 25)
        return scores[after:]

    return app
# --8<-- [end:server]


# --8<-- [start:clients]
def follow(base: str, path: str, pause: float, tally: dict[str, int]) -> None:
    """Ask `path` again and again until every update has arrived; count the requests."""
    seen: list[str] = []
    with httpx.Client(base_url=base, timeout=35) as client:
        while len(seen) < UPDATES:
            fresh = client.get(path, params={"after": len(seen)}).json()
            tally["requests"] += 1
            tally["empty"] += not fresh
            seen += fresh
            time.sleep(pause)
# --8<-- [end:clients]


def main() -> None:
    """Publish three scores 0.3 s apart while a short poller and a long poller follow them."""
    with serve_in_thread(create_app()) as base:
        tallies = {name: {"requests": 0, "empty": 0} for name in ("short", "long")}
        readers = [
            threading.Thread(target=follow, args=(base, "/scores", POLL_EVERY, tallies["short"])),
            threading.Thread(target=follow, args=(base, "/scores/wait", 0, tallies["long"])),
        ]
        for reader in readers:
            reader.start()
        with httpx.Client(base_url=base) as publisher:
            for goal in range(1, UPDATES + 1):
                time.sleep(GAP)
                publisher.post("/scores", params={"score": f"{goal}-0"})
        for reader in readers:
            reader.join()
    # --8<-- [start:report]
    short, long = tallies["short"], tallies["long"]
    print(f"{UPDATES} updates, {GAP} s apart")
    print(f"short polling every {POLL_EVERY} s: "
          f"{measured(short['requests'], digits=0, at_least=10)} requests, "
          f"{measured(short['empty'], digits=0, at_least=7)} of them answered 'nothing new'")
    print(f"long polling: {long['requests']} requests, {long['empty']} empty")
    # --8<-- [end:report]


if __name__ == "__main__":
    main()
