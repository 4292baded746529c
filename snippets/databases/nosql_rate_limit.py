"""Rate-limit in Redis: a fixed window (INCR + EXPIRE) and a sliding window (a sorted set)."""

from __future__ import annotations

from labkit import db

ENGINES = ("redis",)

LIMIT = 3  # requests allowed...
WINDOW = 10  # ...per this many seconds


# --8<-- [start:fixed]
def allow_fixed(space: db.RedisSpace, user: str, now: float) -> tuple[bool, int]:
    """Fixed window: one counter per user per 10-second window, e.g. `rl:ana:3` for 30-39 s."""
    window = int(now // WINDOW)
    key = space.key(f"rl:{user}:{window}")
    with space.client.pipeline(transaction=True) as pipe:  # MULTI ... EXEC
        pipe.incr(key)  # [mark:incr]
        pipe.expire(key, WINDOW, nx=True)  # the counter cleans itself up  # [mark:expire]
        count, _ = pipe.execute()
    return count <= LIMIT, count
# --8<-- [end:fixed]


# --8<-- [start:sliding]
SLIDING = """
local key, now, window, limit, id = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]),
                                    tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)  -- forget old requests
local count = redis.call('ZCARD', key)
if count >= limit then return {0, count} end
redis.call('ZADD', key, now, id)  -- remember this one, scored by its time
redis.call('PEXPIRE', key, window)
return {1, count + 1}
"""


def allow_sliding(space: db.RedisSpace, user: str, now: float, request_id: str) -> tuple[bool, int]:
    """Sliding window: a sorted set of the user's accepted requests in the last 10 s."""
    script = space.client.register_script(SLIDING)  # runs atomically inside Redis
    allowed, count = script(keys=[space.key(f"rls:{user}")],
                            args=[int(now * 1000), WINDOW * 1000, LIMIT, request_id])
    return bool(allowed), count
# --8<-- [end:sliding]


def main() -> None:
    """Replay one user's requests at fixed (fake) times through both limiters."""
    # --8<-- [start:replay]
    times = [7.0, 8.0, 9.0, 9.5, 10.0, 10.5, 11.0, 17.5, 18.5, 20.0]
    with db.redis_scratch() as space:
        print(f"limit: {LIMIT} requests per {WINDOW} s")
        print("  time   fixed window        sliding window")
        burst = {"fixed": 0, "sliding": 0}  # accepted between 7.0 s and 11.0 s
        for n, now in enumerate(times):
            fixed, in_window = allow_fixed(space, "ana", now)
            sliding, in_last_10s = allow_sliding(space, "ana", now, request_id=f"req-{n}")
            print(f"  {now:>4.1f}   {verdict(fixed, in_window):<18}  "
                  f"{verdict(sliding, in_last_10s)}")
            if 7.0 <= now <= 11.0:
                burst["fixed"] += fixed
                burst["sliding"] += sliding
        print(f"accepted within 4 s (7.0-11.0): fixed {burst['fixed']}, "
              f"sliding {burst['sliding']}")  # [mark:burst]
    # --8<-- [end:replay]


def verdict(allowed: bool, count: int) -> str:
    """`allowed (2/3)` or `rejected (4/3)`."""
    return f"{'allowed' if allowed else 'REJECTED'} ({count}/{LIMIT})"


if __name__ == "__main__":
    main()
