"""An async app with a health check and a CPU-heavy report, run three ways.

- `/report/on-loop` computes inside the `async def`: the event loop can do nothing else.
- `/report/to-thread` hands the work to a thread (`asyncio.to_thread`): the loop is free,
  but the thread and the loop still share one GIL.
- `/report/in-process` hands it to a worker process (`ProcessPoolExecutor`): its own
  interpreter, its own GIL.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request

from snippets.languages.conc_kit.work import crunch

REPORT_ROUNDS = 12_000_000  # most of a second of pure Python on an idle core


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """One worker process for CPU jobs, started with the app and stopped with it."""
    with ProcessPoolExecutor(max_workers=1) as pool:
        await asyncio.get_running_loop().run_in_executor(pool, crunch, 1)  # start it now
        app.state.pool = pool
        yield


app = FastAPI(lifespan=lifespan)


# --8<-- [start:endpoints]
@app.get("/health")
async def health() -> dict[str, str]:
    """What a load balancer polls every few seconds: it must answer fast."""
    return {"status": "ok"}


@app.get("/report/on-loop")
async def report_on_loop() -> dict[str, int]:
    """WRONG: CPU work inside async def blocks the event loop until it ends."""
    return {"total": crunch(REPORT_ROUNDS)}  # [mark:on-loop]


@app.get("/report/to-thread")
async def report_to_thread() -> dict[str, int]:
    """Better: the loop keeps serving while a thread computes (the GIL is still shared)."""
    return {"total": await asyncio.to_thread(crunch, REPORT_ROUNDS)}  # [mark:to-thread]


@app.get("/report/in-process")
async def report_in_process(request: Request) -> dict[str, int]:
    """Best for CPU work: a worker process with its own interpreter and its own GIL."""
    loop = asyncio.get_running_loop()
    pool: ProcessPoolExecutor = request.app.state.pool
    return {"total": await loop.run_in_executor(pool, crunch, REPORT_ROUNDS)}  # [mark:process]
# --8<-- [end:endpoints]
