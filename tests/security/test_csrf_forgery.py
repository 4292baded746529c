"""Mirrors snippets/security/csrf_forgery.py: the forged POST works on the vulnerable app,
in real Chromium too, and each defence refuses it where it applies:

- from http://localhost:<port> (cross-site to 127.0.0.1), SameSite=Lax keeps the cookie home;
- from http://127.0.0.1:<other port> (same-site!), SameSite does nothing; the token and the
  origin check still refuse.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from labkit.serve import serve_wsgi_in_thread
from snippets.security.csrf_app import (
    Store,
    check_origin,
    check_token,
    create_app,
    create_app_vulnerable,
    create_attacker_app,
)
from snippets.security.csrf_forgery import forged_post, logged_in

FORGED_EMAIL = "mallory@evil.example"


@pytest.mark.parametrize("fetch_site", ["cross-site", "same-site"])
def test_server_side_checks(fetch_site: str) -> None:
    cases = [(create_app_vulnerable, 200), (lambda s: create_app(s, checks=(check_token,)), 403),
             (lambda s: create_app(s, checks=(check_origin,)), 403), (create_app, 403)]
    for factory, status in cases:
        store = Store()
        with serve_wsgi_in_thread(factory(store)) as base, logged_in(base) as client:
            response = forged_post(client, "http://localhost:1", fetch_site)
        assert response.status_code == status, response.text
        assert (store.emails["alice"] == FORGED_EMAIL) == (status == 200)


def test_origin_header_is_checked_when_fetch_metadata_is_absent() -> None:
    store = Store()
    with serve_wsgi_in_thread(create_app(store, checks=(check_origin,))) as base, \
            logged_in(base) as client:
        assert client.post("/email", data={"email": "x@y.z"},
                           headers={"Origin": "http://localhost:1"}).status_code == 403
        assert client.post("/email", data={"email": "x@y.z"}).status_code == 403
        assert client.post("/email", data={"email": "ok@y.z"},
                           headers={"Origin": base}).status_code == 200


def browser_attack(browser: Any, app: Flask, store: Store, attacker_host: str) -> tuple[int, str]:
    """Alice logs in, then visits Mallory's page on `attacker_host`; return what /email said."""
    with serve_wsgi_in_thread(app) as base, \
            serve_wsgi_in_thread(create_attacker_app(base)) as evil:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(f"{base}/login")
            page.click("button")
            page.wait_for_load_state()
            with page.expect_response(lambda r: r.url.endswith("/email")) as answer:
                page.goto(f"http://{attacker_host}:{evil.rsplit(':', 1)[1]}/")
            response = answer.value
            fetch_site = response.request.all_headers().get("sec-fetch-site", "")
            return response.status, fetch_site
        finally:
            context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("host", "fetch_site"), [("localhost", "cross-site"),
                                                  ("127.0.0.1", "same-site")])
def test_forged_post_in_chromium_vulnerable_app(browser: Any, host: str, fetch_site: str) -> None:
    store = Store()  # no SameSite attribute: Chromium sends a fresh cookie on a top-level POST
    status, seen = browser_attack(browser, create_app_vulnerable(store), store, host)
    assert (status, seen, store.emails["alice"]) == (200, fetch_site, FORGED_EMAIL)


@pytest.mark.browser
def test_samesite_lax_stops_cross_site_but_not_same_site(browser: Any) -> None:
    cross = Store()
    status, _ = browser_attack(browser, create_app(cross, checks=()), cross, "localhost")
    assert status == 401 and cross.emails["alice"] == "alice@example.org"  # no cookie came
    same = Store()
    status, _ = browser_attack(browser, create_app(same, checks=()), same, "127.0.0.1")
    assert status == 200 and same.emails["alice"] == FORGED_EMAIL  # same site: cookie sent


@pytest.mark.browser
@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
@pytest.mark.parametrize("check", [check_token, check_origin])
def test_token_and_origin_check_stop_both_in_chromium(browser: Any, host: str, check: Any) -> None:
    store = Store()
    app = create_app(store, samesite=None, checks=(check,))  # the check alone, no SameSite help
    status, _ = browser_attack(browser, app, store, host)
    assert status == 403 and store.emails["alice"] == "alice@example.org"


@pytest.mark.browser
def test_alice_can_still_change_her_email_in_chromium(browser: Any) -> None:
    store = Store()
    with serve_wsgi_in_thread(create_app(store)) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}/login")
        page.click("button")
        page.fill("input[name=email]", "alice@new.example")
        with page.expect_response(lambda r: r.url.endswith("/email")) as answer:
            page.click("form[action='/email'] button")
        assert answer.value.status == 200
        context.close()
    assert store.emails["alice"] == "alice@new.example"
