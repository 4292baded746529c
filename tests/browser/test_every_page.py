"""Every page of the site opens in Chromium without a console error or an outside request, and
draws its diagrams once the reader scrolls to them."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Visit, page_urls, render_diagrams

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
MERMAID = "/assets/javascripts/vendor/mermaid.min.js"


@pytest.mark.parametrize("path", page_urls(), ids=lambda p: p or "home")
def test_page_opens_cleanly(visit: Visit, path: str) -> None:
    visit.open(path)
    assert visit.page.locator("h1").count() >= 1
    assert visit.page.locator(".lab-error").count() == 0
    render_diagrams(visit.page)  # a diagram Mermaid cannot draw times out here
    assert visit.page.locator("pre.mermaid").count() == 0


def test_mermaid_loads_only_when_a_diagram_comes_near(visit: Visit) -> None:
    """A page whose only diagram is far below the fold does not download Mermaid on load."""
    requested: list[str] = []
    visit.page.on("request", lambda request: requested.append(request.url))
    visit.page.set_viewport_size({"width": 375, "height": 700})
    visit.open("devops/monitoring/")
    top = visit.page.locator("pre.mermaid").first.evaluate("e => e.getBoundingClientRect().top")
    assert top > 2 * 700, "pick a page whose first diagram is well below the fold"
    assert not any(url.endswith(MERMAID) for url in requested)

    assert render_diagrams(visit.page) == 1
    assert any(url.endswith(MERMAID) for url in requested)
    assert visit.page.locator("div.mermaid").count() == 1
