"""Load a page in headless Chromium (Debian's, driven by Playwright) and report what ran.

Used by the browser tests of the injection page (`labkit.browser` launches Chromium).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# --8<-- [start:spy]
SPY = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.effectiveDirective + ' blocked ' + e.blockedURI);
});
"""
"""Runs before the page's own scripts (Playwright injects it, outside the page's CSP)."""


@dataclass
class Visit:
    """What happened when the browser loaded one URL."""

    xss: bool  # did the injected script set window.__xss?
    title: str
    violations: list[str] = field(default_factory=list)  # CSP violations the page reported
    console: list[str] = field(default_factory=list)
    globals: dict[str, Any] = field(default_factory=dict)


def visit(browser: Any, url: str, *, html: str | None = None, click: str | None = None,
          names: tuple[str, ...] = ()) -> Visit:
    """Open `url` (or `html` as the content) in a fresh context; optionally click a selector."""
    context = browser.new_context()
    try:
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text))
        page.add_init_script(SPY)
        if html is None:
            page.goto(url)
        else:
            page.set_content(html)
        page.wait_for_load_state("networkidle")
        if click:
            page.click(click)
            page.wait_for_timeout(200)
        return Visit(
            xss=bool(page.evaluate("window.__xss === 1")),
            title=page.title(),
            violations=page.evaluate("window.__violations || []"),
            console=console,
            globals={name: page.evaluate(f"window.{name}") for name in names},
        )
    finally:
        context.close()
# --8<-- [end:spy]
