"""What a reader does with the built site, in Chromium: search, switch to dark mode, copy a
snippet, find their way on a phone, follow previous/next, and land on a helpful 404 page.

The `visit` fixture already fails a test on any console error and on any request that
leaves 127.0.0.1.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit, page_urls
from tests.support import REPO

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

LESSON = "databases/indexing/"
"""A lesson with code blocks and a page on either side of it in the navigation."""
PHONE = {"width": 375, "height": 812}
CHAPTERS = ("languages/", "databases/", "apis/", "security/", "devops/")


def nav_order() -> list[str]:
    """The URL path of every page, in the order of `nav:` in mkdocs.yml (the footer's order)."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^nav:\n((?:[ \t]+.*\n)+)", config, re.M)
    assert block, "mkdocs.yml has no nav: block"
    sources = re.findall(r"^\s+- (?:[^\n]*?: )?([\w/.-]+\.md)\s*$", block.group(1), re.M)
    return [re.sub(r"(^|/)index/$", r"\1", source.removesuffix(".md") + "/")
            for source in sources]


def path_of(visit: Visit) -> str:
    """The current page's path relative to the site ("" for the home page)."""
    return urlsplit(visit.page.url).path.removeprefix(urlsplit(visit.base).path)


def background(visit: Visit) -> str:
    """The computed background colour of the page body."""
    return visit.page.evaluate("getComputedStyle(document.body).backgroundColor")


def scheme(visit: Visit) -> str | None:
    """Material's colour scheme on the body: `default` (light) or `slate` (dark)."""
    return visit.page.evaluate("document.body.getAttribute('data-md-color-scheme')")


RESULTS = ".md-search-result__item > a.md-search-result__link"
"""The link of each page in Material's search results, best first."""


def wait_for_results(visit: Visit, timeout: float = 30_000) -> list[str]:
    """Wait until the search shows results; the paths of the first three pages."""
    visit.page.wait_for_function(
        "() => /matching document/.test("
        "document.querySelector('.md-search-result__meta').textContent)", timeout=timeout)
    top = visit.page.locator(RESULTS)
    return [urlsplit(urljoin(visit.page.url, top.nth(i).get_attribute("href"))).path
            for i in range(min(3, top.count()))]


@pytest.mark.parametrize(("query", "expected", "title"), [
    ("EXPLAIN QUERY PLAN", "databases/indexing/", "Indexing"),
    ("argon2 password hashing", "security/passwords/", "Passwords and sessions"),
])
def test_search_finds_the_page_for_a_typed_query(
    visit: Visit, query: str, expected: str, title: str,
) -> None:
    visit.open("")
    box = visit.page.locator("input.md-search__input")  # in the header, on a desktop
    box.click()
    visit.page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent"
        ".includes('Type to start')")  # the index is loaded
    box.press_sequentially(query)  # keystrokes, as Material listens for them
    found = wait_for_results(visit)
    wanted = urlsplit(visit.base + expected).path
    assert wanted in found, f"{query!r}: {expected} not in the first results {found}"
    visit.page.locator(RESULTS).nth(found.index(wanted)).click()
    visit.page.wait_for_url(re.compile(re.escape(visit.base + expected) + r"(\?|#|$)"))
    expect(visit.page.locator(".md-content h1")).to_have_text(title)


def test_the_palette_toggle_switches_to_dark_and_the_choice_survives_a_reload(
    visit: Visit,
) -> None:
    visit.open(LESSON)
    assert scheme(visit) == "default"  # the browser reports a light system setting
    light = background(visit)
    toggle = visit.page.locator("label.md-header__button[for^='__palette_']:visible")
    for _ in range(3):  # automatic -> light -> dark, in the order mkdocs.yml lists them
        if scheme(visit) == "slate":
            break
        toggle.click()
    assert scheme(visit) == "slate"
    dark = background(visit)
    assert dark != light, "the scheme attribute changed but the page did not"
    visit.page.reload()
    visit.page.wait_for_load_state("networkidle")
    assert scheme(visit) == "slate"
    assert background(visit) == dark


def test_the_copy_button_copies_the_code_block(visit: Visit) -> None:
    visit.open(LESSON)
    button = visit.page.locator("pre > nav.md-code__nav > button[data-md-type='copy']").first
    target = button.get_attribute("data-clipboard-target")
    assert target, "the copy button names no code block"
    block = visit.page.locator(target)
    block.scroll_into_view_if_needed()
    block.hover()  # the button shows on hover, as for a reader with a mouse
    button.click()
    copied = visit.page.evaluate("navigator.clipboard.readText()")
    assert copied.strip(), "nothing was copied"
    assert copied.rstrip("\n") == block.inner_text().rstrip("\n")


def test_the_mobile_menu_opens_and_leads_to_another_chapter(visit: Visit) -> None:
    visit.page.set_viewport_size(PHONE)
    visit.open("languages/server/")
    drawer = "document.getElementById('__drawer').checked"
    hamburger = visit.page.locator("label.md-header__button[for='__drawer']")
    assert hamburger.is_visible()
    hamburger.click()
    assert visit.page.evaluate(drawer)
    menu = visit.page.locator("nav.md-nav--primary")
    # The menu opens on the current chapter; its title goes back up to the chapter list.
    menu.locator("label.md-nav__title", has_text="Server-side languages").click()
    menu.locator(".md-nav__container", has=visit.page.locator("a", has_text="Databases")) \
        .locator("label").click()
    menu.locator("a.md-nav__link:visible", has_text="Indexing").click()
    visit.page.wait_for_url(visit.base + LESSON)
    expect(visit.page.locator(".md-content h1")).to_have_text("Indexing")
    assert not visit.page.evaluate(drawer), "the menu stayed open over the new page"


def test_previous_and_next_links_follow_the_navigation(visit: Visit) -> None:
    order = nav_order()
    assert sorted(order) == sorted(page_urls()), "nav_order() misread mkdocs.yml"
    here = order.index(LESSON)
    visit.open(LESSON)
    footer = visit.page.locator("nav.md-footer__inner")
    for kind, neighbour in (("prev", order[here - 1]), ("next", order[here + 1])):
        link = footer.locator(f"a.md-footer__link--{kind}")
        assert urljoin(visit.page.url, link.get_attribute("href")) == visit.base + neighbour
    next_title = footer.locator("a.md-footer__link--next .md-ellipsis").inner_text().strip()
    footer.locator("a.md-footer__link--next").click()
    visit.page.wait_for_url(visit.base + order[here + 1])
    expect(visit.page.locator(".md-content h1")).to_have_text(next_title)
    footer.locator("a.md-footer__link--prev").click()
    visit.page.wait_for_url(visit.base + LESSON)
    expect(visit.page.locator(".md-content h1")).to_have_text("Indexing")


def test_a_missing_deep_address_gets_a_helpful_404(visit: Visit) -> None:
    missing = "databases/nope/deeper/"
    response = visit.page.goto(visit.base + missing)
    assert response is not None and response.status == 404
    visit.page.wait_for_load_state("networkidle")
    # The 404 page itself is expected to load this way; anything else would be an error.
    visit.errors[:] = [e for e in visit.errors if "404 (Not Found)" not in e]
    assert visit.page.locator(".md-content h1").inner_text() == "Page not found"
    # Styled by Material's stylesheet, though the address is three folders deep.
    assert visit.page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    links = visit.page.locator("ul.lab-not-found a")
    targets = [urljoin(visit.page.url, links.nth(i).get_attribute("href"))
               for i in range(links.count())]
    assert visit.base in targets
    for chapter in CHAPTERS:
        assert visit.base + chapter in targets
    request = visit.page.context.request
    for target in targets:
        assert request.get(target).status == 200, target
    report = visit.page.get_by_role("link", name="report the broken link")
    assert report.get_attribute("href").startswith(
        "https://github.com/backend-skills-lab/backend-skills-lab/issues/new")
    links.filter(has_text="Databases").click()
    visit.page.wait_for_url(visit.base + "databases/")
    expect(visit.page.locator(".md-content h1")).to_have_text("Databases & SQL")


def test_the_404_page_search_form_opens_the_search_with_results(visit: Visit) -> None:
    visit.page.goto(visit.base + "apis/gone/")
    visit.errors[:] = [e for e in visit.errors if "404 (Not Found)" not in e]
    visit.page.get_by_label("What were you looking for?").fill("EXPLAIN QUERY PLAN")
    visit.page.get_by_role("button", name="Search", exact=True).click()
    visit.page.wait_for_url(re.compile(re.escape(visit.base) + r"\?q=EXPLAIN"))
    assert urlsplit(visit.base + LESSON).path in wait_for_results(visit)
