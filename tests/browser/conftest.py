"""A real browser (Debian's chromium, driven by Playwright) on the built site, on loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from labkit import csp
from labkit.serve import free_port
from labkit.static import serve_site
from tests.support import REPO, build, require_browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site, built strictly and served from its folder on 127.0.0.1 with its CSP.

    A script or style the policy refuses shows as a console error, which every page visit
    checks for. It is built for the address it is served at (`site_url` = that URL, as
    `make serve` does), so the 404 page's absolute links and the sitemap point at it.
    """
    require_browser()
    out = tmp_path_factory.mktemp("browser-site")
    port = free_port()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", f"http://127.0.0.1:{port}/")
        result = build(REPO, out)
    assert result.returncode == 0, result.stderr
    with serve_site(out, policy=csp.policy(out), port=port) as url:
        yield url


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


@pytest.fixture
def visit_with(browser, site_url: str) -> Iterator[Callable[..., Visit]]:  # type: ignore[no-untyped-def]
    """Open a tab in a fresh context with extra Playwright options (`bypass_csp=True`, ...);
    each tab is checked like `visit`'s when the test ends."""
    opened: list[tuple[object, Visit]] = []

    def open_tab(**options: object) -> Visit:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
        opened.append((context, Visit(context, site_url)))
        return opened[-1][1]

    yield open_tab
    for context, tab in opened:
        context.close()  # type: ignore[attr-defined]
        assert not tab.outside, f"requests left 127.0.0.1: {tab.outside}"
        assert not tab.errors, f"console errors: {tab.errors}"


def page_urls() -> list[str]:
    """The URL path of every page of the site, from its Markdown files ("" is the home page)."""
    docs = REPO / "docs"
    urls = []
    for page in sorted(docs.rglob("*.md")):
        if page.is_relative_to(docs / "assets"):
            continue
        relative = page.relative_to(docs).with_suffix("")
        if relative.name == "index":
            urls.append("" if relative.parent == relative.parent.parent else f"{relative.parent}/")
        else:
            urls.append(f"{relative}/")
    return urls


def render_diagrams(page) -> int:  # type: ignore[no-untyped-def]
    """Scroll each Mermaid diagram into view, as a reader would (they render only near the
    viewport), and wait until every one is drawn; returns how many there were."""
    waiting = page.locator("pre.mermaid")
    total = waiting.count()
    while (left := waiting.count()) > 0:
        waiting.first.scroll_into_view_if_needed()
        page.wait_for_function("n => document.querySelectorAll('pre.mermaid').length < n", arg=left)
    return total
