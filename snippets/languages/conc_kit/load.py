"""A small load generator: many concurrent clients on one asyncio event loop.

Each request opens a connection, sends `GET` with `Connection: close`, and reads the
response to the end, so it works the same against any HTTP/1.1 server.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Load:
    """What one run of the load generator saw."""

    requests: int
    seconds: float
    latencies: tuple[float, ...]

    @property
    def per_second(self) -> float:
        """Requests completed per second of wall-clock time."""
        return self.requests / self.seconds

    @property
    def median(self) -> float:
        """Median latency, in seconds."""
        return statistics.median(self.latencies)

    @property
    def p95(self) -> float:
        """95th percentile latency, in seconds."""
        return statistics.quantiles(self.latencies, n=20)[-1]


async def get(port: int, path: str = "/") -> tuple[int, float]:
    """One GET to 127.0.0.1:`port`: return (status code, seconds it took)."""
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    response = await reader.read()  # until the server closes the connection
    writer.close()
    await writer.wait_closed()
    status = int(response.split(b" ", 2)[1])
    return status, time.perf_counter() - start


# --8<-- [start:clients]
async def hammer(port: int, path: str, clients: int, requests: int) -> Load:
    """`clients` concurrent clients share `requests` GETs; each sends its next when one ends."""
    remaining = requests
    latencies: list[float] = []

    async def client() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            status, seconds = await get(port, path)
            if status != 200:
                raise RuntimeError(f"GET {path} answered {status}")
            latencies.append(seconds)

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return Load(requests, time.perf_counter() - start, tuple(latencies))
# --8<-- [end:clients]


def run_load(port: int, path: str = "/", clients: int = 50, requests: int = 200) -> Load:
    """`hammer` from synchronous code."""
    return asyncio.run(hammer(port, path, clients, requests))
