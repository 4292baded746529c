"""Stored and reflected XSS: what the server sends back, on the vulnerable and the fixed pages.

The pages come from `xss_app`, served by Flask on 127.0.0.1. This snippet reads the HTML the
server returns; the test next to it (`tests/security/test_xss_attacks.py`) loads the same
pages in headless Chromium and checks whether the injected script really runs.
"""

from __future__ import annotations

import re

import httpx

from labkit.serve import serve_wsgi_in_thread
from snippets.security.xss_app import REFLECTED_PAYLOAD, STORED_PAYLOAD, create_app

MALLORY = r"<li><b>mallory.*?</li>"
ECHO = r"<p id=.echo.>.*?</p>"


def fragment(html: str, pattern: str) -> str:
    """The first part of `html` that matches `pattern`, as the server wrote it (one line)."""
    match = re.search(pattern, html, re.S)
    return " ".join(match.group(0).split()) if match else "(not found)"


def main() -> None:
    """Mallory stores a comment; Ada reads the board; then a search link echoes a term."""
    with serve_wsgi_in_thread(create_app()) as base, httpx.Client(base_url=base) as client:
        # --8<-- [start:stored]
        client.post("/comments", data={"who": "mallory", "text": STORED_PAYLOAD})
        for prefix in ("vulnerable", "fixed"):
            page = client.get(f"/{prefix}/comments").text  # what Ada's browser receives
            print(f"/{prefix}/comments:\n  {fragment(page, MALLORY)}")
        # --8<-- [end:stored]
        print()
        # --8<-- [start:reflected]
        link = httpx.URL("/vulnerable/search", params={"q": REFLECTED_PAYLOAD})
        print(f"the link Mallory sends: {str(link)[:60]}…")
        for prefix in ("vulnerable", "fixed"):
            page = client.get(f"/{prefix}/search", params={"q": REFLECTED_PAYLOAD}).text
            print(f"/{prefix}/search:\n  {fragment(page, ECHO)}")
        # --8<-- [end:reflected]


if __name__ == "__main__":
    main()
