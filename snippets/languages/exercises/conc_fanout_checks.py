"""Hidden checks for the conc_fanout exercise."""

from __future__ import annotations

import asyncio
import time
from types import ModuleType

DELAY = 0.05


class Upstream:
    """A fake slow service that records how many calls were in flight at once."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.most = 0
        self.calls = 0

    async def fetch(self, item: int) -> str:
        self.calls += 1
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        try:
            await asyncio.sleep(DELAY * (0.5 + (item * 7 % 10) / 10))  # uneven, repeatable
            return f"book-{item}"
        finally:
            self.in_flight -= 1


def check_results_in_order(module: ModuleType) -> None:
    """Every id is fetched once, and results come back in the order of the ids."""
    upstream = Upstream()
    ids = [5, 3, 9, 1, 7, 2, 8]
    got = asyncio.run(module.fetch_all(upstream.fetch, ids, 3))
    assert list(got) == [f"book-{i}" for i in ids], f"results {got} are not in the order of {ids}"
    assert upstream.calls == len(ids), f"fetch was called {upstream.calls} times for {len(ids)} ids"


def check_limit_is_respected(module: ModuleType) -> None:
    """Never more than `limit` calls in flight, and exactly `limit` when there is work."""
    for limit in (1, 4):
        upstream = Upstream()
        asyncio.run(module.fetch_all(upstream.fetch, list(range(12)), limit))
        assert upstream.most <= limit, f"limit {limit}, but {upstream.most} calls ran at once"
        assert upstream.most == limit, (
            f"limit {limit}, but at most {upstream.most} ran at once: run them concurrently")


def check_concurrency_saves_time(module: ModuleType) -> None:
    """20 calls with a limit of 10 take about two call times, not twenty."""
    upstream = Upstream()
    start = time.perf_counter()
    asyncio.run(module.fetch_all(upstream.fetch, list(range(20)), 10))
    took = time.perf_counter() - start
    assert took < 10 * DELAY, f"took {took:.2f} s: are the calls awaited one after another?"


def check_run_blocking_frees_the_loop(module: ModuleType) -> None:
    """While run_blocking sleeps 0.3 s, a ticker on the loop keeps ticking every 10 ms."""
    async def scenario() -> tuple[float, int]:
        gaps: list[float] = []

        async def ticker() -> None:
            last = time.perf_counter()
            while True:
                await asyncio.sleep(0.01)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        task = asyncio.create_task(ticker())
        await asyncio.sleep(0.02)
        result = await module.run_blocking(time.sleep, 0.3)
        task.cancel()
        assert result is None
        return max(gaps), await module.run_blocking(pow, 2, 10)

    longest, value = asyncio.run(scenario())
    assert value == 1024, f"run_blocking(pow, 2, 10) returned {value!r}, not 1024"
    assert longest < 0.2, (
        f"the loop stalled for {longest:.2f} s: run the function in a thread, not on the loop")
