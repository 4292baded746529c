"""Reference solution for the conc_fanout exercise."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


async def fetch_all(fetch: Callable[[int], Awaitable[T]], ids: Sequence[int],
                    limit: int) -> list[T]:
    """`fetch(i)` for every i in `ids`, at most `limit` at a time; results in order of `ids`."""
    gate = asyncio.Semaphore(limit)

    async def one(item: int) -> T:
        async with gate:  # waits while `limit` calls are already in flight
            return await fetch(item)

    return list(await asyncio.gather(*(one(item) for item in ids)))  # gather keeps the order


async def run_blocking(func: Callable[..., T], *args: Any) -> T:
    """`func(*args)` run off the event loop; the loop keeps serving meanwhile."""
    return await asyncio.to_thread(func, *args)
