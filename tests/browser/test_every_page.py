"""Every page of the site opens in Chromium without a console error or an outside request."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Visit
from tests.support import REPO

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def page_urls() -> list[str]:
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


@pytest.mark.parametrize("path", page_urls(), ids=lambda p: p or "home")
def test_page_opens_cleanly(visit: Visit, path: str) -> None:
    visit.open(path)
    assert visit.page.locator("h1").count() >= 1
    assert visit.page.locator(".lab-error").count() == 0
    if visit.page.locator("pre.mermaid, div.mermaid").count():
        visit.page.wait_for_function("!document.querySelector('pre.mermaid')")
