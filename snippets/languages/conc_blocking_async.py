"""The classic mistake: a blocking call in `async def`. And how FastAPI runs plain `def`."""

from __future__ import annotations

import httpx

from labkit.measure import measured
from snippets.languages.conc_kit import servers
from snippets.languages.conc_kit.load import run_load
from snippets.languages.conc_kit.work import DB_WAIT

LONG_WAIT = 0.5  # seconds; long enough that starting 40 threads is small beside it


def main() -> None:
    """Send 20 concurrent requests to each endpoint; then 40 and 80 to the `def` one."""
    with servers.uvicorn("snippets.languages.conc_kit.sleepy_app:app") as port:
        # --8<-- [start:twenty]
        print(f"20 concurrent requests, each endpoint waits {DB_WAIT * 1000:.0f} ms:")
        claims = {"async def + time.sleep": ("/async-blocking", {"at_least": 15}),
                  "def + time.sleep": ("/sync-def", {"at_most": 5}),
                  "async def + asyncio.sleep": ("/async-await", {"at_most": 5})}
        for label, (path, claim) in claims.items():
            waits = run_load(port, path, clients=20, requests=20).seconds / DB_WAIT
            print(f"  {label:<26} took {measured(waits, unit=' waits', **claim)}")
        # --8<-- [end:twenty]
        # --8<-- [start:tokens]
        tokens = httpx.get(f"http://127.0.0.1:{port}/threadpool-size").json()["tokens"]
        print(f"threads FastAPI may use for def endpoints: {tokens:.0f}")
        for clients in (40, 80):
            path = f"/sync-def?wait={LONG_WAIT}"
            waits = run_load(port, path, clients=clients, requests=clients).seconds / LONG_WAIT
            claim = {"at_most": 1.6} if clients <= tokens else {"at_least": 2}
            print(f"  {clients} concurrent {LONG_WAIT} s waits in def took "
                  f"{measured(waits, unit=' waits', **claim)}")
        # --8<-- [end:tokens]


if __name__ == "__main__":
    main()
