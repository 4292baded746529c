"""Pitfall: one connection at a time. A client that keeps its connection open stalls everyone."""

from __future__ import annotations

import httpx

from snippets.languages.server_apps.raw import running

DEPENDS = ("server_apps/",)


# --8<-- [start:try]
def second_client_while_first_is_open(*, threaded: bool) -> str:
    """Client A makes a request and keeps its connection; client B then tries with a 1 s timeout."""
    with running(threaded=threaded) as (port, _):
        base_url = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base_url) as a:
            a.get("/books/1")  # A's connection stays open (keep-alive), idle
            with httpx.Client(base_url=base_url, timeout=1.0) as b:
                try:
                    return f"B got {b.get('/books/1').status_code}"
                except httpx.ReadTimeout:
                    return "B timed out after 1 s: the server was still waiting for A"
# --8<-- [end:try]


def main() -> None:
    """The same two clients against the iterative server and the thread-per-connection one."""
    print(f"one connection at a time:   {second_client_while_first_is_open(threaded=False)}")
    print(f"a thread per connection:    {second_client_while_first_is_open(threaded=True)}")


if __name__ == "__main__":
    main()
