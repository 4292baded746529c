"""A stolen authorization code: redeemed by the thief without PKCE, refused with PKCE.

The code travels through the browser, so it can leak: a malicious app registered for the
same custom URI scheme (RFC 7636 §1), a proxy or server log, the browser history. The thief
races the real app to the token endpoint. Without PKCE the code is all it needs; with PKCE
it also needs the code_verifier, which never left the real app.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from labkit.serve import serve_wsgi_in_thread
from snippets.security.oauth_app.browser import Browser, name_server, params
from snippets.security.oauth_app.models import Client, Store
from snippets.security.oauth_app.provider import (
    Server,
    create_provider,
    register_code_grant,
    register_code_grant_vulnerable,
)

REDIRECT = "com.example.shelf:/callback"  # a mobile app's private-use URI scheme

DEPENDS = ("oauth_app/",)


@dataclass
class Outcome:
    """What the thief got, and whether the real app could still finish."""

    thief_status: int
    thief_books: list[str] | None
    app_status: int


def scenario(register: Callable[[Server], None], use_pkce: bool) -> Outcome:
    """Ada signs in through the app; the code leaks; the thief redeems it first."""
    store = Store()
    password = store.add_user("ada", books=["Kindred", "Dune"])
    store.add_client(Client(client_id="shelf-app", scope="shelf:read", redirect_uris=[REDIRECT]))
    with serve_wsgi_in_thread(create_provider(store, register)) as provider:
        name_server(provider, "provider")
        # --8<-- [start:app]
        verifier = secrets.token_urlsafe(32)
        request = {"response_type": "code", "client_id": "shelf-app", "redirect_uri": REDIRECT,
                   "scope": "shelf:read", "state": secrets.token_urlsafe(16)}
        if use_pkce:
            request |= {"code_challenge": create_s256_code_challenge(verifier),
                        "code_challenge_method": "S256"}
        browser = Browser()
        browser.login(provider, "ada", password)
        answer = browser.consent(str(httpx.URL(f"{provider}/authorize", params=request)))
        stolen = params(answer.headers["location"])["code"]  # [mark:leak]
        # --8<-- [end:app]
        # --8<-- [start:thief]
        thief = httpx.post(f"{provider}/token", data={
            "grant_type": "authorization_code", "code": stolen,
            "client_id": "shelf-app", "redirect_uri": REDIRECT})  # a public client: no secret
        books = None
        if thief.status_code == 200:
            bearer = {"Authorization": f"Bearer {thief.json()['access_token']}"}
            books = httpx.get(f"{provider}/api/shelf", headers=bearer).json()["books"]
        print(f"   thief redeems the stolen code -> {thief.status_code}",
              books if books else thief.json().get("error_description", thief.json()))
        if thief.status_code != 200:
            guess = httpx.post(f"{provider}/token", data={
                "grant_type": "authorization_code", "code": stolen, "client_id": "shelf-app",
                "redirect_uri": REDIRECT, "code_verifier": secrets.token_urlsafe(32)})
            print(f"   thief tries a made-up code_verifier -> {guess.status_code}",
                  guess.json()["error_description"])
        # --8<-- [end:thief]
        app = httpx.post(f"{provider}/token", data={
            "grant_type": "authorization_code", "code": stolen, "client_id": "shelf-app",
            "redirect_uri": REDIRECT} | ({"code_verifier": verifier} if use_pkce else {}))
        print(f"   the real app redeems its code -> {app.status_code}",
              "token" if app.status_code == 200 else app.json()["error"])
        browser.close()
    return Outcome(thief.status_code, books, app.status_code)


def main() -> None:
    """The same theft against a provider without PKCE, then with it."""
    # --8<-- [start:both]
    print("Without PKCE (app sends no code_challenge, provider does not require one):")
    scenario(register_code_grant_vulnerable, use_pkce=False)
    print("With PKCE (S256 challenge in the request, provider requires the verifier):")
    scenario(register_code_grant, use_pkce=True)
    # --8<-- [end:both]


if __name__ == "__main__":
    main()
