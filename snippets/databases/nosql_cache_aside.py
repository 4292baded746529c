"""Cache-aside: put Redis, with a TTL, in front of a slow SQLite query and count hits and misses."""

from __future__ import annotations

import json
import random
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from labkit import db
from labkit.measure import measured

ENGINES = ("redis",)

PRODUCTS = 1_000
REVIEWS = 300_000


def build_shop() -> sqlite3.Connection:
    """An in-memory shop's reviews, 300 per product, with no index on product_id."""
    shop = sqlite3.connect(":memory:")
    shop.execute("CREATE TABLE reviews (product_id INTEGER NOT NULL, stars INTEGER NOT NULL)")
    rng = random.Random(7)
    shop.executemany("INSERT INTO reviews VALUES (?, ?)",
                     [(n % PRODUCTS, rng.randint(1, 5)) for n in range(REVIEWS)])
    shop.commit()
    return shop


# --8<-- [start:slow]
def load_summary(shop: sqlite3.Connection, product_id: int) -> dict[str, Any]:
    """The slow part: count and average a product's reviews by scanning every review."""
    count, average = shop.execute(
        "SELECT count(*), round(avg(stars), 2) FROM reviews WHERE product_id = ?",
        (product_id,),
    ).fetchone()
    return {"product": product_id, "reviews": count, "stars": average}
# --8<-- [end:slow]


# --8<-- [start:cache]
@dataclass
class CachedSummaries:
    """Review summaries read through Redis: the cache-aside pattern, with a TTL."""

    shop: sqlite3.Connection
    redis: db.RedisSpace
    ttl_ms: int
    hits: int = 0
    misses: int = 0

    def key(self, product_id: int) -> str:
        """One Redis key per product, e.g. `summary:7` (under this run's prefix)."""
        return self.redis.key(f"summary:{product_id}")

    def get(self, product_id: int) -> dict[str, Any]:
        """The summary: from Redis when it is there, else from SQLite, then kept in Redis."""
        cached = self.redis.client.get(self.key(product_id))
        if cached is not None:
            self.hits += 1
            return json.loads(cached)
        self.misses += 1
        summary = load_summary(self.shop, product_id)
        self.redis.client.set(self.key(product_id), json.dumps(summary),
                              px=self.ttl_ms)  # [mark:ttl]
        return summary

    def forget(self, product_id: int) -> None:
        """Drop the cached copy after the data behind it changed."""
        self.redis.client.delete(self.key(product_id))
# --8<-- [end:cache]


def best_time(run: Any, repeat: int) -> float:
    """The fastest of `repeat` runs of `run()`, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Read through the cache, change a product, let an entry expire, then time a hit."""
    shop = build_shop()
    with db.redis_scratch() as space:
        # --8<-- [start:demo]
        cache = CachedSummaries(shop, space, ttl_ms=1_000)

        def read(product_id: int) -> None:
            misses = cache.misses
            summary = cache.get(product_id)
            how = "miss, from SQLite" if cache.misses > misses else "hit, from Redis"
            print(f"get {product_id}: {how:<17} {summary}")

        read(7)
        read(7)
        read(8)
        read(7)
        ttl = space.client.pttl(cache.key(7))
        print(f"entry for 7 has a TTL: {0 < ttl <= 1_000}")

        shop.execute("INSERT INTO reviews VALUES (7, 5)")  # the data changes...
        shop.commit()
        cache.forget(7)  # ...so the stale copy goes  # [mark:forget]
        print("new review for 7, cached copy deleted")
        read(7)

        time.sleep(1.2)  # longer than the TTL: Redis drops both entries
        print("1.2 s later (TTL 1 s):")
        read(8)
        print(f"hits {cache.hits}, misses {cache.misses}: "
              f"{cache.misses} slow queries for {cache.hits + cache.misses} reads")

        slow = best_time(lambda: load_summary(shop, 9), repeat=5)
        cache.get(9)  # a miss: now it is cached
        fast = best_time(lambda: cache.get(9), repeat=50)
        print(f"cache hit vs query: {measured(slow / fast, unit='×', at_least=5)} faster")
        # --8<-- [end:demo]
    shop.close()


if __name__ == "__main__":
    main()
