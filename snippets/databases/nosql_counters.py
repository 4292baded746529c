"""Count in Redis from many threads at once: GET then SET loses updates, INCR does not."""

from __future__ import annotations

import threading
from collections.abc import Callable

from labkit import db

ENGINES = ("redis",)

WORKERS = 8
ROUNDS = 200


# --8<-- [start:naive]
def add_one_naive(space: db.RedisSpace, key: str, between: threading.Barrier) -> int:
    """Read the counter, add one in Python, write it back: two commands, not one."""
    value = int(space.client.get(key) or 0)
    between.wait()  # every worker has read before anyone writes  # [mark:barrier]
    space.client.set(key, value + 1)
    return value + 1
# --8<-- [end:naive]


# --8<-- [start:atomic]
def add_one_atomic(space: db.RedisSpace, key: str, between: threading.Barrier) -> int:
    """INCR: Redis reads, adds and writes in one command, which nothing can interleave."""
    between.wait()  # the same crowding as above, to be fair
    return space.client.incr(key)  # [mark:incr]
# --8<-- [end:atomic]


AddOne = Callable[[db.RedisSpace, str, threading.Barrier], int]


# --8<-- [start:race]
def race(space: db.RedisSpace, add_one: AddOne) -> tuple[int, list[int]]:
    """WORKERS threads each add one ROUNDS times; return the final count and every result."""
    key = space.key(add_one.__name__)
    between = threading.Barrier(WORKERS)
    results: list[int] = []
    lock = threading.Lock()  # guards the Python list, not the Redis counter

    def worker() -> None:
        for _ in range(ROUNDS):
            seen = add_one(space, key, between)
            with lock:
                results.append(seen)

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return int(space.client.get(key)), results
# --8<-- [end:race]


def main() -> None:
    """Run the same race with both ways of adding one and compare the totals."""
    with db.redis_scratch() as space:
        # --8<-- [start:compare]
        expected = WORKERS * ROUNDS
        for add_one in (add_one_naive, add_one_atomic):
            total, results = race(space, add_one)
            distinct = len(set(results))
            print(f"{add_one.__name__:<15} expected {expected}, counted {total:>4}, "
                  f"lost {expected - total:>4}; {distinct:>4} distinct values handed out")
        # --8<-- [end:compare]


if __name__ == "__main__":
    main()
