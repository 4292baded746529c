"""One rate limit shared by two instances: counters in Redis, updated by an atomic Lua script."""

from __future__ import annotations

from collections.abc import Callable
from itertools import cycle

import httpx

from labkit import db
from labkit.clock import FakeClock
from labkit.serve import serve_in_thread
from snippets.devops.rel_kit.edge import Limiter, counted_library, edge_proxy

ENGINES = ("redis",)
LIMIT, WINDOW = 4, 10  # 4 requests per client per 10-second window

# --8<-- [start:lua]
COUNT_IN_WINDOW = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then
    redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return count
"""
# --8<-- [end:lua]


def in_memory(clock: Callable[[], float]) -> Limiter:
    """A fixed-window counter in this instance's memory (what not to do with 2 instances)."""
    counts: dict[tuple[str, int], int] = {}

    def limiter(client: str) -> float:
        window = int(clock() // WINDOW)
        counts[client, window] = counts.get((client, window), 0) + 1
        return 0.0 if counts[client, window] <= LIMIT else (window + 1) * WINDOW - clock()

    return limiter


# --8<-- [start:redis]
def in_redis(space: db.RedisSpace, clock: Callable[[], float]) -> Limiter:
    """The same fixed window, counted in Redis: every instance sees the same number."""
    count = space.client.register_script(COUNT_IN_WINDOW)

    def limiter(client: str) -> float:
        window = int(clock() // WINDOW)
        key = space.key(f"rate:{client}:{window}")  # one counter per client per window
        used = int(count(keys=[key], args=[WINDOW * 2]))  # INCR and EXPIRE, atomically
        return 0.0 if used <= LIMIT else (window + 1) * WINDOW - clock()

    return limiter
# --8<-- [end:redis]


def two_instances(make_limiter: Callable[[], Limiter], clock: FakeClock) -> list[str]:
    """Two instances behind a round-robin balancer; Ada sends 8 requests in one window."""
    statuses = []
    app_a, _ = counted_library()
    app_b, _ = counted_library()
    with serve_in_thread(app_a) as up_a, serve_in_thread(app_b) as up_b, \
            serve_in_thread(edge_proxy(up_a, make_limiter())) as edge_a, \
            serve_in_thread(edge_proxy(up_b, make_limiter())) as edge_b, \
            httpx.Client() as client:
        balancer = cycle([edge_a, edge_b])  # what a load balancer does
        for _ in range(8):
            response = client.get(f"{next(balancer)}/books", headers={"Api-Key": "ada"})
            statuses.append(str(response.status_code))
            clock.advance(0.5)
        statuses.append(f"| Retry-After {response.headers.get('retry-after', '-')}")
    return statuses


def main() -> None:
    """The same 8 requests, counted per instance, then counted in Redis."""
    # --8<-- [start:compare]
    clock = FakeClock(start=1000.0)
    print(f"limit: {LIMIT} per {WINDOW} s per client; 8 requests alternate between 2 instances")
    print("counted in each instance:", *two_instances(lambda: in_memory(clock), clock))
    with db.redis_scratch() as space:
        clock.now = 2000.0  # a fresh window
        print("counted in Redis:        ",
              *two_instances(lambda: in_redis(space, clock), clock))
    # --8<-- [end:compare]


if __name__ == "__main__":
    main()
