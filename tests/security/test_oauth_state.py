"""Mirrors snippets/security/oauth_state.py: login CSRF works when state is ignored, not after."""

from __future__ import annotations

import secrets

from labkit.serve import serve_wsgi_in_thread
from snippets.security.oauth_app.browser import Browser
from snippets.security.oauth_app.models import Client, Store
from snippets.security.oauth_app.provider import create_provider
from snippets.security.oauth_app.webclient import (
    Settings,
    create_webclient,
    finish_login,
    finish_login_vulnerable,
)
from snippets.security.oauth_state import attack


def test_ignoring_state_signs_ada_in_as_mallory() -> None:
    outcome = attack(finish_login_vulnerable)
    assert outcome.callback_status == 302
    assert outcome.signed_in_as == "mallory"
    assert "Ada's private reading notes" in outcome.mallory_books


def test_checking_state_refuses_the_injected_code() -> None:
    outcome = attack(finish_login)
    assert outcome.callback_status == 400
    assert outcome.signed_in_as is None
    assert outcome.mallory_books == ["Dune"]


def test_pkce_alone_also_stops_it() -> None:
    outcome = attack(finish_login_vulnerable, use_pkce=True)
    assert outcome.callback_status == 400 and outcome.mallory_books == ["Dune"]


def test_the_fixed_callback_still_lets_ada_sign_in() -> None:
    store = Store()
    password = store.add_user("ada", books=["Kindred"])
    settings = Settings(provider="", client_id="shelf-web", secret=secrets.token_urlsafe(24),
                        use_pkce=True)
    with serve_wsgi_in_thread(create_provider(store)) as provider, \
            serve_wsgi_in_thread(create_webclient(settings, finish_login)) as app:
        settings.provider, settings.base = provider, app
        store.add_client(Client(client_id="shelf-web", secret=settings.secret,
                                scope="shelf:read shelf:write", redirect_uris=[f"{app}/callback"]))
        ada = Browser()
        ada.login(provider, "ada", password)
        to_provider = ada.get(f"{app}/login").headers["location"]
        back = ada.consent(to_provider).headers["location"]
        assert ada.get(back).status_code == 302
        shelf = ada.get(f"{app}/shelf").json()
        assert shelf == {"books": ["Kindred"], "user": "ada"}
        assert ada.get(back).status_code == 400  # the state was used up: no replay
        ada.close()
