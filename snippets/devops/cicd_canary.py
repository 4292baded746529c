"""Canary release on 127.0.0.1: 10 % → 50 % → 100 % of traffic, rolled back on errors.

Three releases of the library API run as real uvicorn processes; a small router written in
Python (`cicd_kit/router.py`) shares the requests between the stable release and the canary
by a counter, so every run sends exactly the same requests to the same release. Release 2.0
breaks on one book in seven; its canary is rolled back at 10 % after hurting a few requests.
Release 2.1 fixes the bug and is promoted to 100 %. Then, for comparison, release 2.0 is
deployed the "big bang" way, to everyone at once.
"""

from __future__ import annotations

from contextlib import ExitStack

import httpx

from labkit.serve import serve_process, serve_wsgi_in_thread
from snippets.devops.cicd_kit.router import Router, Upstream
from snippets.devops.cicd_kit.service import BOOKS

SERVICE = "snippets.devops.cicd_kit.service"
QUIET = ("--factory", "--log-level", "critical")
"""uvicorn options: build the app with a factory, and log no tracebacks. `serve_process` keeps
a process's stderr in a pipe it reads only at the end, and 29 tracebacks would fill it."""
STAGES = (10, 50, 100)
"""Percent of the traffic the canary gets, stage by stage."""
REQUESTS_PER_STAGE = 200
MAX_ERROR_RATE = 0.05
"""Roll back when more than 5 % of the canary's requests fail with a 5xx."""


def send(client: httpx.Client, count: int) -> int:
    """Send `count` reads of the catalogue through the router, in turn; return the failures."""
    failed = 0
    for i in range(count):
        response = client.get(f"/books/{i % len(BOOKS) + 1}")
        failed += response.status_code >= 500
    return failed


# --8<-- [start:canary]
def canary(router: Router, client: httpx.Client, stable: Upstream,
           new: Upstream) -> bool:
    """Shift traffic to `new` stage by stage; roll back when it fails too often."""
    print(f"canary of v{new.name}, rolled back above {MAX_ERROR_RATE:.0%} errors")
    print(f"  {'stage':>6}  {'v' + stable.name:>5} {'v' + new.name:>5} {'errors':>6} "
          f"{'rate':>6}  failed for clients")
    for percent in STAGES:
        router.route(stable, new, percent)  # [mark:shift]
        router.reset_counts()
        failed = send(client, REQUESTS_PER_STAGE)
        served, errors = router.requests[new.name], router.errors[new.name]
        rate = errors / served
        print(f"  {percent:>4} %  {router.requests[stable.name]:>5} {served:>5} "
              f"{errors:>6} {rate:>6.1%}  {failed}")
        if rate > MAX_ERROR_RATE:
            router.route(stable)  # [mark:rollback]
            print(f"  -> rolled back: all traffic to v{stable.name} again")
            return False
    router.route(new)
    print(f"  -> promoted: v{new.name} takes all traffic")
    return True
# --8<-- [end:canary]


def main() -> None:
    """Canary v2.0 (rolled back), canary v2.1 (promoted), then v2.0 to everyone at once."""
    with ExitStack() as stack:
        v1, v2_0, v2_1 = (
            Upstream(name, stack.enter_context(serve_process(f"{SERVICE}:{factory}", *QUIET)))
            for name, factory in (("1", "create_v1"), ("2.0", "create_v2_0"),
                                  ("2.1", "create_v2_1")))
        router = Router(stable=v1)
        stack.callback(router.close)
        base = stack.enter_context(serve_wsgi_in_thread(router))
        client = stack.enter_context(httpx.Client(base_url=base, timeout=10))

        # --8<-- [start:run]
        canary(router, client, stable=v1, new=v2_0)
        print()
        canary(router, client, stable=v1, new=v2_1)
        print()
        router.route(v2_0)  # big bang: the broken release to everyone
        router.reset_counts()
        failed = send(client, REQUESTS_PER_STAGE)
        print(f"big bang of v2.0: {REQUESTS_PER_STAGE} requests, {failed} failed for clients")
        # --8<-- [end:run]


if __name__ == "__main__":
    main()
