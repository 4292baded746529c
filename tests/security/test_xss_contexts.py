"""Mirrors snippets/security/xss_contexts.py: auto-escaping alone fails in three contexts;
quoting, a URL scheme allow-list and tojson hold. Chromium runs both renderings."""

from __future__ import annotations

from typing import Any

import pytest

from snippets.security.xss_app.browser import visit
from snippets.security.xss_contexts import (
    ATTACK,
    autoescape_defaults,
    render_profile,
    render_profile_vulnerable,
    safe_url,
)

BENIGN = {"nick": "ada", "site": "https://ada.example", "member_id": "7"}


def test_jinja2_does_not_escape_by_default() -> None:
    assert list(autoescape_defaults().values()) == ["<b>", "&lt;b&gt;"]


def test_safe_url_allows_only_http_and_https() -> None:
    assert safe_url("https://ada.example/x") == "https://ada.example/x"
    for url in ("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>", " javascript:"):
        assert safe_url(url) == "about:invalid"


@pytest.mark.browser
@pytest.mark.parametrize("context", ["nick", "site", "member_id"])
def test_each_context_runs_script_only_when_vulnerable(browser: Any, context: str) -> None:
    values = {**BENIGN, context: ATTACK[context]}
    click = "#site" if context == "site" else None
    assert visit(browser, "", html=render_profile_vulnerable(**values), click=click).xss
    assert not visit(browser, "", html=render_profile(**values), click=click).xss
