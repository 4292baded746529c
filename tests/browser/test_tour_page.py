"""What the how-it-works page does in a real browser: quizzes, copy buttons, diagrams."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
PAGE = "how-this-site-works/"


def test_a_quiz_answer_survives_a_reload(visit: Visit) -> None:
    visit.open(PAGE)
    question = visit.page.locator(".lab-quiz__question").first
    question.locator("input[data-correct]").check()
    question.locator(".lab-quiz__check").click()
    assert question.locator(".lab-quiz__result").inner_text() == "Right."

    visit.page.reload()
    visit.page.wait_for_load_state("networkidle")
    question = visit.page.locator(".lab-quiz__question").first
    assert question.locator("input[data-correct]").is_checked()
    assert question.locator(".lab-quiz__result").inner_text() == "Right."
    assert question.locator(".lab-quiz__why").first.is_visible()

    question.locator(".lab-quiz__reset").click()
    visit.page.reload()
    visit.page.wait_for_load_state("networkidle")
    question = visit.page.locator(".lab-quiz__question").first
    assert question.locator(".lab-quiz__result").inner_text() == ""
    assert not question.locator("input[data-correct]").is_checked()


def test_a_wrong_answer_is_explained(visit: Visit) -> None:
    visit.open(PAGE)
    question = visit.page.locator(".lab-quiz__question").first
    question.locator("input:not([data-correct])").first.check()
    question.locator(".lab-quiz__check").click()
    assert "Not quite" in question.locator(".lab-quiz__result").inner_text()
    assert question.locator("li.is-wrong .lab-quiz__why").is_visible()


def test_the_copy_button_copies_the_run_command(visit: Visit) -> None:
    visit.open(PAGE)
    run_box = visit.page.locator(".lab-run").first
    run_box.hover()
    run_box.locator('button[data-md-type="copy"]').click()
    copied = visit.page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == "python -m snippets.tour.request_line"


def test_the_diagram_is_drawn_from_our_own_mermaid(visit: Visit) -> None:
    visit.open(PAGE)
    visit.page.wait_for_function(
        "document.querySelector('div.mermaid') && !document.querySelector('pre.mermaid')"
    )
    loaded = visit.page.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('mermaid.min.js'))"
    )
    assert loaded and all(url.startswith(visit.base) for url in loaded)


def test_engine_outputs_are_tabs(visit: Visit) -> None:
    visit.open(PAGE)
    visit.page.locator(".tabbed-labels label", has_text="MariaDB").first.click()
    assert visit.page.locator('.lab-output[data-engine="mariadb"]').is_visible()
