"""Call a slow service for many ids at once, but never too many, and keep the loop free.

An async endpoint needs data from a slow upstream service for each id in a list. Calling
it for one id after another wastes time (the waits add up); calling it for 10,000 ids at
once overloads the service and your connection pool. Write:

- `fetch_all(fetch, ids, limit)`: await `fetch(id)` for every id, concurrently, with at
  most `limit` calls in flight at any moment (hint: `asyncio.Semaphore`). Return the
  results in the order of `ids`, whatever order the calls finish in.
- `run_blocking(func, *args)`: run a blocking function (a sync driver, `time.sleep`, a
  file read) without blocking the event loop, and return its result.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


async def fetch_all(fetch: Callable[[int], Awaitable[T]], ids: Sequence[int],
                    limit: int) -> list[T]:
    """`fetch(i)` for every i in `ids`, at most `limit` at a time; results in order of `ids`."""
    raise NotImplementedError("write fetch_all")


async def run_blocking(func: Callable[..., T], *args: Any) -> T:
    """`func(*args)` run off the event loop; the loop keeps serving meanwhile."""
    raise NotImplementedError("write run_blocking")
