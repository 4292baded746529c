"""Retries done by hand: full-jitter backoff, Retry-After, and a check for retry safety."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime
from email.utils import parsedate_to_datetime

import httpx


# --8<-- [start:jitter]
def full_jitter(attempt: int, *, base: float, cap: float, rng: random.Random) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...): uniform in [0, ceiling].

    The ceiling doubles with each attempt (base, 2 base, 4 base, ...) up to `cap`.
    """
    ceiling = min(cap, base * 2 ** (attempt - 1))
    return rng.uniform(0, ceiling)
# --8<-- [end:jitter]


# --8<-- [start:retry-after]
def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After value: delay-seconds or an HTTP-date (RFC 9110)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None  # unreadable: fall back to our own backoff
    return max(0.0, (when - now).total_seconds())
# --8<-- [end:retry-after]


# --8<-- [start:safe]
SAFE_TO_REPEAT = {"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"}  # RFC 9110 §9.2.2
RETRYABLE = {429, 502, 503, 504}


def retry_is_safe(request: httpx.Request) -> bool:
    """An idempotent method, or a POST that carries an Idempotency-Key."""
    return request.method in SAFE_TO_REPEAT or "idempotency-key" in request.headers
# --8<-- [end:safe]


# --8<-- [start:send]
def send_with_retries(client: httpx.Client, request: httpx.Request, *, attempts: int,
                      base: float, cap: float, rng: random.Random,
                      sleep: Callable[[float], None], now: Callable[[], datetime],
                      log: Callable[[str], None] = print) -> httpx.Response:
    """Send `request`; retry a transient failure with full jitter, honouring Retry-After."""
    for attempt in range(1, attempts + 1):
        response, error = None, None
        try:
            response = client.send(request)
        except httpx.TransportError as exc:  # refused, reset, timed out
            error = exc
        if response is not None and response.status_code not in RETRYABLE:
            return response
        failure = type(error).__name__ if error else str(response.status_code)  # type: ignore[union-attr]
        if attempt == attempts or not retry_is_safe(request):  # [mark:give-up]
            log(f"  attempt {attempt}: {failure}, giving up")
            if error:
                raise error
            return response  # type: ignore[return-value]
        delay = full_jitter(attempt, base=base, cap=cap, rng=rng)
        asked = parse_retry_after(response.headers.get("retry-after"), now()) if response else None
        if asked is not None:
            delay = max(delay, asked)  # never earlier than the server asked  [mark:asked]
        why = "Retry-After" if asked is not None and delay == asked else "full jitter"
        log(f"  attempt {attempt}: {failure}, waiting {delay:.2f} s ({why})")
        sleep(delay)
    raise AssertionError("attempts must be at least 1")
# --8<-- [end:send]
