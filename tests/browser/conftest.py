"""A real browser (Debian's chromium, driven by Playwright) on the built site, on loopback."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest

from labkit import csp
from tests.support import REPO, build, require_browser

pytestmark = pytest.mark.browser


class _StrictHost(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as SECURITY.md asks a host to: with a strict CSP header."""

    policy = ""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site, built strictly and served from its folder on 127.0.0.1 with its CSP.

    A script or style the policy refuses shows as a console error, which every page visit
    checks for.
    """
    require_browser()
    out = tmp_path_factory.mktemp("browser-site")
    result = build(REPO, out)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(
        type("_Host", (_StrictHost,), {"policy": csp.policy(out)}), directory=str(out)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class Visit:
    """A browser tab that records console errors and any request leaving 127.0.0.1."""

    def __init__(self, context, base: str) -> None:  # type: ignore[no-untyped-def]
        self.base = base
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page = context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)

    def _route(self, route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")


@pytest.fixture
def visit(browser, site_url: str) -> Iterator[Visit]:  # type: ignore[no-untyped-def]
    """A fresh browser context (empty storage) for one test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    tab = Visit(context, site_url)
    yield tab
    context.close()
    assert not tab.outside, f"requests left 127.0.0.1: {tab.outside}"
    assert not tab.errors, f"console errors: {tab.errors}"
