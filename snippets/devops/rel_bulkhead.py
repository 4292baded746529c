"""Bulkheads: a bounded number of concurrent calls per dependency, so one slow one can't
take every slot."""

from __future__ import annotations

import asyncio
from collections import Counter


# --8<-- [start:bulkhead]
class Bulkhead:
    """At most `limit` calls at once; a call beyond that is refused at once, not queued."""

    def __init__(self, name: str, limit: int) -> None:
        self.name = name
        self.slots = asyncio.Semaphore(limit)

    async def run(self, call: asyncio.Future[str] | asyncio.Task[str]) -> str:
        """Wait for `call` inside a slot, or refuse it when every slot is busy."""
        if self.slots.locked():  # no free slot: fail fast instead of piling up
            call.cancel()
            return f"refused ({self.name} full)"
        async with self.slots:
            return await call
# --8<-- [end:bulkhead]


async def scenario(bulkheads: dict[str, Bulkhead]) -> dict[str, list[str]]:
    """Six calls to a hung reports service, then three calls to the books service."""
    hung = asyncio.Event()  # the reports service never answers until we set this

    async def reports() -> str:
        await hung.wait()
        return "late"

    async def books() -> str:
        return "answered"

    # --8<-- [start:calls]
    outcome: dict[str, list[str]] = {"reports": [], "books": []}

    async def call(service: str) -> None:
        work = asyncio.ensure_future(reports() if service == "reports" else books())
        try:  # every caller gives up after 0.2 s: its own timeout
            result = await asyncio.wait_for(bulkheads[service].run(work), timeout=0.2)
        except TimeoutError:
            result = "timed out"
        outcome[service].append(result)

    await asyncio.gather(*(call("reports") for _ in range(6)),
                         *(call("books") for _ in range(3)))
    # --8<-- [end:calls]
    hung.set()
    return outcome


def main() -> None:
    """Run the scenario with one shared pool, then with one bulkhead per dependency."""
    # --8<-- [start:compare]
    async def shared() -> dict[str, list[str]]:
        pool = Bulkhead("shared pool", 4)  # one pool for every dependency
        return await scenario({"reports": pool, "books": pool})

    async def separate() -> dict[str, list[str]]:
        return await scenario({"reports": Bulkhead("reports", 2),
                               "books": Bulkhead("books", 2)})

    for label, run in (("one shared pool of 4", shared), ("a bulkhead of 2 each", separate)):
        outcome = asyncio.run(run())
        print(f"{label}:")
        for service, results in outcome.items():
            counts = Counter(results)  # e.g. {"timed out": 2, "refused (reports full)": 4}
            print(f"  {service:<8} " + ", ".join(f"{n} {what}" for what, n in counts.items()))
    # --8<-- [end:compare]


if __name__ == "__main__":
    main()
