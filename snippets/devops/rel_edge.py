"""Rate limiting at the edge: a reverse proxy answers 429 before requests reach the app."""

from __future__ import annotations

import httpx

from labkit.clock import FakeClock
from labkit.serve import serve_in_thread
from snippets.apis.design_rate_limit import Bucket
from snippets.devops.rel_kit.edge import counted_library, edge_proxy


def main() -> None:
    """Six requests from Ada and one from Bob through the proxy; count what reached the app."""
    clock = FakeClock(start=1000.0)
    # --8<-- [start:limiter]
    buckets: dict[str, Bucket] = {}

    def token_bucket(client: str) -> float:
        """The APIs chapter's bucket, one per client: a burst of 3, then 1 every 2 s."""
        bucket = buckets.setdefault(client, Bucket(capacity=3, rate=0.5, tokens=3,
                                                   updated=clock()))
        return bucket.take(clock())
    # --8<-- [end:limiter]

    app, seen = counted_library()
    with serve_in_thread(app) as upstream, \
            serve_in_thread(edge_proxy(upstream, token_bucket)) as edge, \
            httpx.Client(base_url=edge) as client:
        # --8<-- [start:burst]
        ada, bob = {"Api-Key": "ada"}, {"Api-Key": "bob"}
        statuses = [client.get("/books", headers=ada) for _ in range(6)]
        print("ada x6:", " ".join(str(r.status_code) for r in statuses),
              "| Retry-After:", statuses[-1].headers["retry-after"])
        print("bob x1:", client.get("/books", headers=bob).status_code)
        clock.advance(2)  # Ada waits as she was told
        print("ada, 2 s later:", client.get("/books", headers=ada).status_code)
        print("requests sent to the edge: 8, requests that reached the app:", seen["requests"])
        # --8<-- [end:burst]


if __name__ == "__main__":
    main()
