"""Three FastAPI endpoints that wait DB_WAIT seconds: one of them the classic mistake."""

from __future__ import annotations

import asyncio
import time

import anyio.to_thread
from fastapi import FastAPI

from snippets.languages.conc_kit.work import DB_WAIT

app = FastAPI()


# --8<-- [start:endpoints]
@app.get("/async-blocking")
async def async_blocking() -> dict[str, str]:
    """THE MISTAKE: a blocking call inside async def. The whole event loop sleeps."""
    time.sleep(DB_WAIT)  # stands for requests.get(...), a sync DB driver, ...  # [mark:mistake]
    return {"waited": "blocking, on the loop"}


@app.get("/sync-def")
def sync_def(wait: float = DB_WAIT) -> dict[str, str]:
    """A plain def: FastAPI runs it in a worker thread, so blocking here is fine."""
    time.sleep(wait)  # [mark:threadpool]
    return {"waited": "blocking, in a worker thread"}


@app.get("/async-await")
async def async_await() -> dict[str, str]:
    """async def with a non-blocking wait: the loop serves others meanwhile."""
    await asyncio.sleep(DB_WAIT)  # [mark:await]
    return {"waited": "awaiting, on the loop"}
# --8<-- [end:endpoints]


@app.get("/threadpool-size")
async def threadpool_size() -> dict[str, float]:
    """How many `def` endpoints can run at once: the tokens of AnyIO's default limiter."""
    return {"tokens": anyio.to_thread.current_default_thread_limiter().total_tokens}
