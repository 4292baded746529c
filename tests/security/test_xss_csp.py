"""Mirrors snippets/security/xss_csp.py: the CSP blocks Mallory's inline script in Chromium,
even on the vulnerable template, while the app's own nonce'd and same-origin scripts run."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from flask import Flask

from labkit.serve import serve_wsgi_in_thread
from snippets.security.xss_app import REFLECTED_PAYLOAD, STORED_PAYLOAD, create_app
from snippets.security.xss_app.browser import visit
from snippets.security.xss_csp import nonce_of

APP_GLOBALS = ("__app", "__appFile")


@pytest.fixture(scope="module")
def app() -> Flask:
    return create_app()


@pytest.fixture(scope="module")
def base(app: Flask) -> Iterator[str]:
    with serve_wsgi_in_thread(app) as url:
        httpx.post(f"{url}/comments", data={"who": "mallory", "text": STORED_PAYLOAD})
        yield url


def test_policy_has_no_unsafe_inline_and_a_fresh_nonce(base: str) -> None:
    first = httpx.get(f"{base}/csp/comments").headers["content-security-policy"]
    second = httpx.get(f"{base}/csp/comments").headers["content-security-policy"]
    assert "script-src 'self' 'nonce-" in first and "unsafe-inline" not in first
    assert nonce_of(first) != nonce_of(second) and len(nonce_of(first)) >= 22


@pytest.mark.browser
@pytest.mark.parametrize(("path", "directive"), [
    ("comments", "script-src-elem"),  # an injected <script> element
    (f"search?{urlencode({'q': REFLECTED_PAYLOAD})}", "script-src-attr"),  # an onerror= handler
])
def test_csp_blocks_the_injection_on_the_vulnerable_template(app: Flask, base: str, browser: Any,
                                                             path: str, directive: str) -> None:
    without = visit(browser, f"{base}/vulnerable/{path}")
    assert without.xss  # the template is really vulnerable
    protected = visit(browser, f"{base}/csp/{path}", names=APP_GLOBALS)
    assert not protected.xss and protected.title != "pwned"
    assert protected.violations == [f"{directive} blocked inline"]
    assert protected.globals == {"__app": "ready", "__appFile": "loaded"}  # our scripts ran
    assert any("Content Security Policy" in line for line in protected.console)
    reports = app.config["CSP_REPORTS"]  # Chromium POSTs them to report-uri on its own time

    def reported() -> bool:
        return any(r.get("csp-report", {}).get("effective-directive") == directive
                   for r in reports)

    deadline = time.monotonic() + 5
    while not reported() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert reported()
