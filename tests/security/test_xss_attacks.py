"""Mirrors snippets/security/xss_attacks.py: stored and reflected XSS really run in Chromium
on the vulnerable pages, and not on the fixed ones (or the DOM-based page's fixed twin)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import pytest

from labkit.serve import serve_wsgi_in_thread
from snippets.security.xss_app import (
    REFLECTED_PAYLOAD,
    STORED_PAYLOAD,
    create_app,
    render_comments,
    render_comments_vulnerable,
    render_search,
    render_search_vulnerable,
    welcome_page_vulnerable,
)
from snippets.security.xss_app.browser import visit


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_wsgi_in_thread(create_app()) as url:
        httpx.post(f"{url}/comments", data={"who": "mallory", "text": STORED_PAYLOAD})
        yield url


def test_the_payload_reaches_the_page_unescaped_only_when_vulnerable() -> None:
    comments = [("mallory", STORED_PAYLOAD)]
    with create_app().app_context():  # render_template_string uses the app's Jinja2 setup
        vulnerable_search = render_search_vulnerable(REFLECTED_PAYLOAD)
        fixed_search = render_search(REFLECTED_PAYLOAD)
        fixed_comments = render_comments(comments)
    assert "<script>window.__xss" in render_comments_vulnerable(comments)
    assert "&lt;script&gt;" in fixed_comments
    assert '<img src="x" onerror=' in vulnerable_search
    assert "&lt;img" in fixed_search


@pytest.mark.browser
@pytest.mark.parametrize("path", ["comments", f"search?{urlencode({'q': REFLECTED_PAYLOAD})}"])
def test_the_injected_script_runs_only_on_the_vulnerable_page(base: str, browser: Any,
                                                              path: str) -> None:
    attacked = visit(browser, f"{base}/vulnerable/{path}")
    assert attacked.xss and attacked.title == "pwned"
    fixed = visit(browser, f"{base}/fixed/{path}")
    assert not fixed.xss and fixed.title != "pwned"


@pytest.mark.browser
def test_dom_xss_never_reaches_the_server(base: str, browser: Any) -> None:
    fragment = "#" + quote('<img src=x onerror="window.__xss=1">')
    assert "innerHTML" in welcome_page_vulnerable()
    assert visit(browser, f"{base}/vulnerable/welcome{fragment}").xss
    assert not visit(browser, f"{base}/fixed/welcome{fragment}").xss
