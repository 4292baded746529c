"""Blue-green deployment on 127.0.0.1: switch releases while a client keeps calling.

Blue (release 1) serves the traffic through the router of `cicd_kit/router.py`. Green
(release 2.1) starts beside it as a second real process, is smoke-tested directly, and then
takes all traffic in one atomic switch; blue is stopped only once its last request has
finished. A client calls the whole time and records every answer. For comparison, the same
upgrade done in place (stop the old process, start the new one) loses requests.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field

import httpx

from labkit.measure import measured
from labkit.serve import serve_process, serve_wsgi_in_thread
from snippets.devops.cicd_kit.router import Router, Upstream
from snippets.devops.cicd_kit.service import BOOKS

SERVICE = "snippets.devops.cicd_kit.service"
OPTIONS = ("--factory", "--log-level", "critical")
PAUSE = 0.005
"""Seconds the client waits between two requests: about 150 requests a second here."""


@dataclass
class Client:
    """A client that keeps reading books until stopped, and remembers every answer."""

    base_url: str
    answers: list[tuple[str, int]] = field(default_factory=list)
    """(release that answered, or "-" if none did; status code), in order."""
    _stop: threading.Event = field(default_factory=threading.Event)

    def _run(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=10) as http:
            while not self._stop.is_set():
                book = len(self.answers) % len(BOOKS) + 1
                response = http.get(f"/books/{book}")
                self.answers.append((response.headers.get("X-App-Version", "-"),
                                     response.status_code))
                time.sleep(PAUSE)

    def __enter__(self) -> Client:
        self._thread = threading.Thread(target=self._run)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def wait_for(self, more: int) -> None:
        """Block until the client has sent `more` requests after this call."""
        target = len(self.answers) + more
        while len(self.answers) < target:
            time.sleep(PAUSE)

    @property
    def failed(self) -> int:
        """Answers that were not a 200."""
        return sum(status != 200 for _, status in self.answers)


def release(stack: ExitStack, factory: str) -> tuple[ExitStack, Upstream]:
    """Start one release as a process; its own ExitStack stops it (also on any error)."""
    own = stack.enter_context(ExitStack())
    url = own.enter_context(serve_process(f"{SERVICE}:{factory}", *OPTIONS))
    return own, Upstream("1" if factory == "create_v1" else "2.1", url)


# --8<-- [start:blue-green]
def blue_green(stack: ExitStack, router: Router, client: Client,
               blue_process: ExitStack, blue: Upstream) -> None:
    """Start green beside blue, test it, switch in one step, then retire blue."""
    client.wait_for(50)                       # traffic is flowing to blue
    _, green = release(stack, "create_v2_1")  # green starts beside blue
    smoke = httpx.get(f"{green.url}/books/3")  # [mark:smoke]
    print(f"smoke test of green, before any user sees it: {smoke.status_code}, "
          f"shelf mark {smoke.headers['X-Shelf-Mark']}")
    router.route(green)                       # [mark:switch]
    while router.in_flight[blue.name]:        # [mark:drain]
        time.sleep(PAUSE)
    blue_process.close()  # kept until now: blue was the rollback plan
    client.wait_for(50)
# --8<-- [end:blue-green]


# --8<-- [start:in-place]
def in_place(stack: ExitStack, router: Router, client: Client,
             old_process: ExitStack, old: Upstream) -> None:
    """The naive upgrade: stop the old release, then start the new one."""
    client.wait_for(50)
    old_process.close()                       # from here nobody answers...
    _, new = release(stack, "create_v2_1")    # ...until the new process is up
    router.route(new)
    client.wait_for(50)
# --8<-- [end:in-place]


def report(title: str, client: Client) -> None:
    """Print what the client saw: answers per release, in order, and failures."""
    order: list[str] = []
    for version, _ in client.answers:
        if not order or order[-1] != version:
            order.append(version)
    per_release = {v: sum(1 for got, _ in client.answers if got == v) for v in ("1", "2.1")}
    print(f"{title}:")
    print(f"  answers in order: {' then '.join(order)}  (- = no release answered)")
    print(f"  requests: {measured(len(client.answers), digits=0, at_least=100)}, "
          f"v1 {measured(per_release['1'], digits=0, at_least=25)}, "
          f"v2.1 {measured(per_release['2.1'], digits=0, at_least=25)}")


def deploy_under_load(deploy: Callable[..., None]) -> tuple[Client, Router]:
    """Run v1 behind the router, then `deploy` v2.1 while a client keeps calling."""
    with ExitStack() as stack:
        old_process, old = release(stack, "create_v1")
        router = Router(stable=old)
        stack.callback(router.close)
        base = stack.enter_context(serve_wsgi_in_thread(router))
        with Client(base) as client:
            deploy(stack, router, client, old_process, old)
    return client, router


def main() -> None:
    """Blue-green with zero failed requests, then an in-place restart that fails some."""
    for title, deploy in (("blue-green", blue_green), ("in place", in_place)):
        client, _ = deploy_under_load(deploy)
        report(title, client)
        if deploy is blue_green:
            print(f"  failed requests: {client.failed}")
        else:
            print(f"  failed requests: {measured(client.failed, digits=0, at_least=1)}")


if __name__ == "__main__":
    main()
