"""What a framework costs per request: Python function calls counted, and time in-process."""

from __future__ import annotations

import asyncio
import gc
import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from labkit.measure import measured
from snippets.languages.server_apps import asgi, django_app, fastapi_app, flask_app, wsgi
from snippets.languages.server_apps.inproc import call_wsgi, run_asgi

DEPENDS = ("server_apps/",)

RATIO_AT_LEAST = {"plain WSGI": 5.0, "plain ASGI": 2.0}
"""The claims: a framework request costs at least this many plain requests of its kind."""


# --8<-- [start:count]
def count_calls(request: Callable[[], bytes]) -> int:
    """How many Python functions run (or resume) while `request()` runs, in this thread."""
    calls = 0

    def profiler(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls
        if event == "call":  # a Python function starts or a generator/coroutine resumes
            calls += 1

    gc.disable()  # a collection mid-request would run finalizers and add their calls
    sys.setprofile(profiler)
    try:
        request()
    finally:
        sys.setprofile(None)
        gc.enable()
    return calls
# --8<-- [end:count]


def per_request_us(request: Callable[[], bytes], rounds: int = 5, number: int = 400) -> float:
    """Microseconds per request: the best of `rounds` loops of `number` requests."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(number):
            request()
        best = min(best, (time.perf_counter() - start) / number)
    return best * 1e6


def main() -> None:
    """Count and time one GET /books/1 through each app, called in-process with no server."""
    loop = asyncio.new_event_loop()
    # --8<-- [start:apps]
    flask, fastapi = flask_app.create_app(), fastapi_app.create_app()
    requests: dict[str, Callable[[], bytes]] = {
        "plain WSGI": lambda: call_wsgi(wsgi.app, "/books/1"),
        "Flask": lambda: call_wsgi(flask, "/books/1"),
        "Django": lambda: call_wsgi(django_app.application, "/books/1"),
        "plain ASGI": lambda: run_asgi(asgi.app, "/books/1", loop),
        "FastAPI": lambda: run_asgi(fastapi, "/books/1", loop),
    }
    # --8<-- [end:apps]
    try:
        for request in requests.values():
            for _ in range(20):  # warm up: imports, caches and lazy set-up happen once
                request()
        calls = {name: count_calls(request) for name, request in requests.items()}
        times = {name: per_request_us(request) for name, request in requests.items()}
    finally:
        loop.close()
    # --8<-- [start:report]
    for name in requests:
        plain = "plain ASGI" if name in ("plain ASGI", "FastAPI") else "plain WSGI"
        line = (f"{name:<11}{calls[name]:>4} Python calls, "
                f"{measured(times[name], unit=' µs', at_most=2000)} per request")
        if name != plain:
            ratio = measured(times[name] / times[plain], unit="×", at_least=RATIO_AT_LEAST[plain])
            line += f", {ratio} the time of {plain}"
        print(line)
    # --8<-- [end:report]

if __name__ == "__main__":
    main()
