"""I/O-bound work: 20 threads that wait overlap their waits, GIL or not."""

from __future__ import annotations

import http.client
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from labkit.measure import measured
from labkit.serve import serve_in_thread
from snippets.languages.conc_kit.slow_apps import async_app
from snippets.languages.conc_kit.work import DB_WAIT

WAITS = 20


# --8<-- [start:waits]
def nap() -> None:
    """Wait the way a blocking call waits: the thread sleeps and releases the GIL."""
    time.sleep(DB_WAIT)


def fetch_from(port: int) -> Callable[[], None]:
    """A blocking HTTP GET to a local endpoint that takes DB_WAIT seconds to answer."""
    def fetch() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/")
        connection.getresponse().read()  # the thread blocks in recv() here  # [mark:recv]
        connection.close()
    return fetch
# --8<-- [end:waits]


# --8<-- [start:compare]
def compare(name: str, wait: Callable[[], None]) -> None:
    """Do WAITS waits one after another, then in WAITS threads at once."""
    start = time.perf_counter()
    for _ in range(WAITS):
        wait()
    serial = time.perf_counter() - start

    start = time.perf_counter()
    with ThreadPoolExecutor(WAITS) as pool:
        for future in [pool.submit(wait) for _ in range(WAITS)]:
            future.result()
    threaded = time.perf_counter() - start

    print(f"{name}: {WAITS} waits of {DB_WAIT * 1000:.0f} ms")
    print(f"  one after another: {measured(serial, unit=' s', digits=2, at_least=WAITS * DB_WAIT)}")
    print(f"  in {WAITS} threads:     {measured(threaded, unit=' s', digits=2, at_least=DB_WAIT)}"
          f"  = {measured(threaded / DB_WAIT, unit=' waits', at_most=5)}")
    print(f"  speed-up:          {measured(serial / threaded, unit='×', at_least=4)}")
# --8<-- [end:compare]


def main() -> None:
    """Overlap sleeps, then overlap blocking socket reads."""
    compare("time.sleep", nap)
    with serve_in_thread(async_app, lifespan="off") as base_url:
        compare("HTTP GET (blocking socket)", fetch_from(int(base_url.rsplit(":", 1)[1])))


if __name__ == "__main__":
    main()
