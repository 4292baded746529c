"""Abusive GraphQL queries: watch a nested query grow, then refuse it with depth and alias caps."""

from __future__ import annotations

import json
import time

import httpx

from labkit.measure import measured
from labkit.serve import serve_in_thread
from snippets.apis.graphql_app.app import create_app
from snippets.apis.graphql_app.data import add_books, open_library

DEPENDS = ("graphql_app/",)


# --8<-- [start:nest]
def nested(hops: int) -> str:
    """books { author { books { author ... { name } } } }: `hops` trips from books to author."""
    query = "name"
    for _ in range(hops):
        query = f"books {{ author {{ {query} }} }}"  # [mark:cycle]
    return f"{{ {query} }}"


def aliased(copies: int) -> str:
    """The same list `copies` times in one query, each copy under its own alias."""
    return "{ " + " ".join(f"b{n}: books {{ title }}" for n in range(copies)) + " }"
# --8<-- [end:nest]


def main() -> None:
    """Send growing queries to an unprotected server, then the same ones to a protected one."""
    # --8<-- [start:main]
    print(nested(2))
    conn = open_library()
    add_books(conn, 24)  # 30 books: 10 per author
    with serve_in_thread(create_app(conn, limits=False)) as base_url:
        print("No limits:")
        seconds = {}
        for hops in (1, 2, 3, 4):
            start = time.perf_counter()
            response = httpx.post(f"{base_url}/graphql", json={"query": nested(hops)},
                                  timeout=60)
            seconds[hops] = time.perf_counter() - start
            names = response.content.count(b'"name"')  # [mark:bytes]
            label = f"{hops} hop{'s' if hops > 1 else ' '}"
            print(f"  {label}: {names:6,} names, {len(response.content):9,} bytes")
        slower = seconds[4] / seconds[1]
        print(f"  4 hops took {measured(slower, unit='×', digits=0, at_least=10)} "
              "as long as 1 hop")

    with serve_in_thread(create_app(open_library(), limits=True)) as base_url:
        print("With QueryDepthLimiter(max_depth=4) and MaxAliasesLimiter(max_alias_count=10):")
        for name, query in [("2 hops", nested(2)), ("3 hops", nested(3)),
                            ("20 aliases", aliased(20))]:
            response = httpx.post(f"{base_url}/graphql", json={"query": query})
            body = response.json()
            shown = body["errors"] if body.get("errors") else f"{len(response.content)} bytes"
            print(f"  {name}: {response.status_code} {json.dumps(shown)}")
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
