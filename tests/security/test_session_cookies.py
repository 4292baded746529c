"""Mirrors snippets/security/session_cookies.py: the hardened cookie's attributes, checked in
the Set-Cookie header, in httpx's cookie jar, and in a real Chromium."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from labkit.serve import serve_in_thread
from snippets.security.session_cookies import ADA, set_session_cookie_vulnerable
from snippets.security.session_kit import (
    COOKIE,
    SessionStore,
    create_app,
    demo_users,
    set_session_cookie,
)


def login_cookie_header(**kwargs: object) -> tuple[str, int]:
    """The Set-Cookie of a login, and the status of /me right after, over plain http."""
    app = create_app(SessionStore(), demo_users(), **kwargs)  # type: ignore[arg-type]
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        header = client.post("/login", json=ADA).headers["set-cookie"]
        return header, client.get("/me").status_code


def test_vulnerable_cookie_is_bare_and_travels_over_plain_http() -> None:
    header, status = login_cookie_header(set_cookie=set_session_cookie_vulnerable,
                                         cookie="sessionid")
    attributes = {part.strip().split("=")[0].lower() for part in header.split(";")[1:]}
    assert attributes == {"path"} and status == 200


def test_fixed_cookie_has_every_attribute_and_stays_off_plain_http() -> None:
    header, status = login_cookie_header()
    assert header.startswith(f"{COOKIE}=")
    parts = {part.strip().lower() for part in header.split(";")[1:]}
    assert {"httponly", "secure", "path=/", "samesite=lax"} <= parts
    assert not any(part.startswith("domain") for part in parts)  # __Host- forbids Domain
    assert status == 401  # httpx's cookie jar does not send a Secure cookie over http


@pytest.mark.browser
def test_chromium_hides_the_httponly_cookie_and_enforces_host_prefix(browser: Any) -> None:
    app = FastAPI()

    @app.get("/")
    def page() -> HTMLResponse:
        response = HTMLResponse("<p>cookies</p>")
        set_session_cookie_vulnerable(response, "bare-session-id")
        set_session_cookie(response, "hardened-session-id")
        response.set_cookie("__Host-broken", "x", secure=True, path="/admin")  # breaks the rule
        return response

    with serve_in_thread(app) as base:
        context = browser.new_context()
        try:
            tab = context.new_page()
            tab.goto(f"{base}/")
            script_sees = tab.evaluate("document.cookie")  # what an injected script would read
            stored = {c["name"] for c in context.cookies()}
        finally:
            context.close()
    assert "sessionid=bare-session-id" in script_sees  # stolen by any XSS
    assert COOKIE not in script_sees and COOKIE in stored  # kept, but not for scripts
    assert "__Host-broken" not in stored  # a __Host- cookie with Path=/admin is refused
