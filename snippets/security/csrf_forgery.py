"""A forged cross-site POST changes a member's email; a token and an origin check refuse it.

The victim's browser is played by an httpx client that holds Alice's session cookie and sends
what Chromium sends for a form posted from another site: the cookie (when the browser attaches
it), an `Origin` header and `Sec-Fetch-Site`. Whether the browser attaches the cookie at all
is the SameSite question; the browser test (`tests/security/test_csrf_forgery.py`) answers it
in real Chromium. This snippet shows the server's side: what each check does with the request.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from flask import Flask

from labkit.serve import serve_wsgi_in_thread
from snippets.security.csrf_app import (
    Store,
    check_origin,
    check_token,
    create_app,
    create_app_vulnerable,
)

FORGED = {"email": "mallory@evil.example"}


# --8<-- [start:victim]
@contextmanager
def logged_in(base: str) -> Iterator[httpx.Client]:
    """Alice's browser: a client that logged in and keeps the session cookie."""
    with httpx.Client(base_url=base) as client:
        client.post("/login", data={"member": "alice"})
        yield client


def forged_post(client: httpx.Client, attacker_origin: str, fetch_site: str) -> httpx.Response:
    """The request Mallory's auto-submitting form makes Alice's browser send."""
    headers = {"Origin": attacker_origin, "Sec-Fetch-Site": fetch_site}
    return client.post("/email", data=FORGED, headers=headers)  # no token: Mallory can't read it
# --8<-- [end:victim]


def attempt(label: str, app: Flask, store: Store, origin: str, fetch_site: str) -> None:
    """Serve `app`, log Alice in, send the forged POST, print the outcome."""
    with serve_wsgi_in_thread(app) as base, logged_in(base) as client:
        response = forged_post(client, origin, fetch_site)
        print(f"  {label:<14} {response.status_code} {response.text:<42} "
              f"email now: {store.emails['alice']}")


def main() -> None:
    """The same forged request against the vulnerable app and each defence."""
    # --8<-- [start:forge]
    for origin, fetch_site in (("http://localhost:8666", "cross-site"),
                               ("http://127.0.0.1:8666", "same-site")):
        print(f"forged POST, Origin {origin}, Sec-Fetch-Site {fetch_site}, cookie attached:")
        apps = [("vulnerable", create_app_vulnerable),
                ("token check", lambda s: create_app(s, checks=(check_token,))),
                ("origin check", lambda s: create_app(s, checks=(check_origin,)))]
        for label, factory in apps:
            store = Store()
            attempt(label, factory(store), store, origin, fetch_site)
    # --8<-- [end:forge]
    print()
    # --8<-- [start:honest]
    store = Store()
    with serve_wsgi_in_thread(create_app(store)) as base, logged_in(base) as client:
        page = client.get("/account").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        print(f"Alice's own form carries a token of {len(token)} url-safe characters")
        response = client.post("/email", data={"email": "alice@new.example", "csrf_token": token},
                               headers={"Origin": base, "Sec-Fetch-Site": "same-origin"})
        print(f"  fixed app      {response.status_code} {response.text:<42} "
              f"email now: {store.emails['alice']}")
    # --8<-- [end:honest]


if __name__ == "__main__":
    main()
