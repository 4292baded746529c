"""Glossary tooltips in a real browser: a term shows its definition on hover and on focus."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
PAGE = "apis/rest/"
TERM = "abbr.lab-term >> text=REST"


def _tooltip_text(visit: Visit) -> str:
    """The text of the tooltip the term points at, once it is shown."""
    term = visit.page.locator(TERM).first
    visit.page.wait_for_function(
        "el => el.getAttribute('aria-describedby')", arg=term.element_handle(), timeout=5000)
    tooltip = visit.page.locator(f"#{term.get_attribute('aria-describedby')}")
    tooltip.wait_for(state="visible")
    assert tooltip.get_attribute("role") == "tooltip"
    return tooltip.inner_text().strip()


def test_a_term_shows_its_definition_on_hover(visit: Visit) -> None:
    visit.open(PAGE)
    term = visit.page.locator(TERM).first
    definition = term.get_attribute("title")
    assert definition and definition.startswith("A style of HTTP API")
    term.hover()
    assert _tooltip_text(visit) == definition
    visit.page.mouse.move(0, 0)
    visit.page.wait_for_function(
        "el => !el.getAttribute('aria-describedby')", arg=term.element_handle(), timeout=5000)


def test_a_term_shows_its_definition_on_keyboard_focus(visit: Visit) -> None:
    visit.open(PAGE)
    term = visit.page.locator(TERM).first
    definition = term.get_attribute("title")
    for _ in range(300):  # Tab through the header and the navigation to the term
        visit.page.keyboard.press("Tab")
        if term.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the glossary term")
    assert _tooltip_text(visit) == definition
    visit.page.keyboard.press("Tab")  # moving on hides it again
    visit.page.wait_for_function(
        "el => !el.getAttribute('aria-describedby')", arg=term.element_handle(), timeout=5000)


def test_the_glossary_page_links_terms_by_id(visit: Visit) -> None:
    visit.open("glossary/#idempotent")
    term = visit.page.locator("dl.lab-glossary dt#idempotent")
    assert term.inner_text() == "Idempotent"
    assert visit.page.locator("dl.lab-glossary abbr.lab-term").count() == 0
