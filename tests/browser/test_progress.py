"""The reader's progress in a real browser: kept in localStorage, shown on the home page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import Visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
LESSON = "how-this-site-works/"
LESSON_ITEM = f'.lab-progress [data-lab-page="{LESSON}"]'


def reload(visit: Visit) -> None:
    visit.page.reload()
    visit.page.wait_for_load_state("networkidle")


def stored(visit: Visit) -> dict[str, str]:
    """Everything in the site's localStorage (the theme keeps its own settings there too)."""
    found: dict[str, str] = visit.page.evaluate(
        "Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))"
    )
    return found


def our_keys(visit: Visit) -> dict[str, str]:
    """What the progress store keeps: the keys under `bsl:`."""
    return {key: value for key, value in stored(visit).items() if key.startswith("bsl:")}


def mark_button(visit: Visit) -> Any:
    return visit.page.locator(".lab-mark__button")


def answer_first_question_right(visit: Visit) -> str:
    """Answer the lesson's first quiz question right; return the question's id."""
    question = visit.page.locator(".lab-quiz__question").first
    question.locator("input[data-correct]").first.check()
    question.locator(".lab-quiz__check").click()
    assert question.locator(".lab-quiz__result").inner_text() == "Right."
    return str(question.get_attribute("data-question"))


def test_a_page_marked_as_read_stays_read(visit: Visit) -> None:
    visit.open(LESSON)
    button = mark_button(visit)
    assert button.inner_text() == "Mark this page as read"
    button.click()
    assert re.fullmatch(r"Read\s*✓\s*— undo", button.inner_text())
    assert visit.page.locator(".lab-mark__status").inner_text() == "This page is marked as read."
    assert our_keys(visit) == {f"bsl:v1:read:{LESSON}": "true"}

    reload(visit)
    assert "undo" in mark_button(visit).inner_text()
    mark_button(visit).click()
    reload(visit)
    assert mark_button(visit).inner_text() == "Mark this page as read"
    assert our_keys(visit) == {}


def test_a_quiz_result_survives_a_reload(visit: Visit) -> None:
    visit.open(LESSON)
    question_id = answer_first_question_right(visit)
    assert f"bsl:v1:quiz:{question_id}" in our_keys(visit)
    reload(visit)
    question = visit.page.locator(f'[data-question="{question_id}"]')
    assert question.locator(".lab-quiz__result").inner_text() == "Right."
    assert question.locator("input[data-correct]").first.is_checked()


def test_an_exercise_ticked_stays_ticked(visit: Visit) -> None:
    visit.open(LESSON)
    box = visit.page.get_by_label("I’ve done this exercise")
    assert box.is_visible() and not box.is_checked()
    box.check()
    reload(visit)
    assert visit.page.get_by_label("I’ve done this exercise").is_checked()
    assert our_keys(visit) == {"bsl:v1:exercise:tour.status_class": "true"}


def test_the_home_page_sums_up_progress_and_reset_clears_it(visit: Visit) -> None:
    visit.open("")
    item = visit.page.locator(LESSON_ITEM)
    assert item.locator(".lab-progress__state").inner_text() == "not started"

    visit.open(LESSON)
    mark_button(visit).click()
    answer_first_question_right(visit)
    visit.page.get_by_label("I’ve done this exercise").check()

    visit.open("")
    item = visit.page.locator(LESSON_ITEM)
    state = item.locator(".lab-progress__state").inner_text()
    assert state.startswith("read · quiz 1 of 1 answered right (")
    assert state.endswith(") · exercise done")
    chapter = visit.page.locator(".lab-progress__chapter").filter(
        has=visit.page.locator(f'[data-lab-page="{LESSON}"]')
    )
    summary = chapter.locator(".lab-progress__summary").inner_text()
    assert summary.startswith("1 of 1 page read · quizzes: 1 right of 1 answered")
    assert summary.endswith("1 of 1 exercise done")
    overall = visit.page.locator('[data-lab-overall="read"]')
    figure = overall.locator(".lab-progress__figure").inner_text()
    assert re.fullmatch(r"1 of \d+ pages read", figure)
    assert overall.locator("progress").get_attribute("value") == "1"

    visit.page.get_by_role("button", name="Reset my progress").click()
    confirm = visit.page.get_by_role("button", name="Cancel")
    confirm.click()
    assert item.locator(".lab-progress__state").inner_text().startswith("read")
    visit.page.get_by_role("button", name="Reset my progress").click()
    visit.page.get_by_role("button", name="Yes, clear my progress").click()
    assert visit.page.locator(".lab-progress__status").inner_text() == "Your progress was cleared."
    assert item.locator(".lab-progress__state").inner_text() == "not started"
    assert our_keys(visit) == {}

    visit.open(LESSON)
    assert mark_button(visit).inner_text() == "Mark this page as read"
    assert not visit.page.get_by_label("I’ve done this exercise").is_checked()
    assert visit.page.locator(".lab-quiz__result").first.inner_text() == ""


def test_reset_leaves_other_sites_data_alone(visit: Visit) -> None:
    visit.open(LESSON)
    mark_button(visit).click()
    visit.page.evaluate("localStorage.setItem('someone-else', 'keep me')")
    visit.open("")
    visit.page.get_by_role("button", name="Reset my progress").click()
    visit.page.get_by_role("button", name="Yes, clear my progress").click()
    assert stored(visit).get("someone-else") == "keep me"
    assert "/.__palette" in stored(visit), "the theme's own setting stays"
    assert our_keys(visit) == {}


def test_progress_follows_instant_navigation(visit: Visit) -> None:
    visit.open("")
    visit.page.evaluate("window.notReloaded = true")
    visit.page.locator(LESSON_ITEM).get_by_role("link").click()
    visit.page.wait_for_url(re.compile(re.escape(LESSON) + "$"))
    mark_button(visit).click()
    visit.page.get_by_label("I’ve done this exercise").check()
    visit.page.locator(".lab-mark__note").get_by_role("link", name="home page").click()
    visit.page.wait_for_url(re.compile(r"/#your-progress$"))
    state = visit.page.locator(f"{LESSON_ITEM} .lab-progress__state")
    state.wait_for()
    assert state.inner_text() == "read · quiz not started · exercise done"
    assert visit.page.evaluate("window.notReloaded === true"), "the page was fully reloaded"


def test_corrupt_or_old_data_does_no_harm(visit: Visit) -> None:
    visit.open(LESSON)
    question_id = visit.page.locator(".lab-quiz__question").first.get_attribute("data-question")
    visit.page.evaluate(
        """id => {
            localStorage.setItem('bsl:v1:read:how-this-site-works/', '{not json');
            localStorage.setItem('bsl:v1:exercise:tour.status_class', '"yes"');
            localStorage.setItem('bsl:quiz:' + id, JSON.stringify({chosen: [], right: false}));
        }""",
        question_id,
    )
    reload(visit)
    assert mark_button(visit).inner_text() == "Mark this page as read"
    assert not visit.page.get_by_label("I’ve done this exercise").is_checked()
    keys = our_keys(visit)
    assert f"bsl:v1:quiz:{question_id}" in keys, "an answer saved before v1 moves to its v1 key"
    assert f"bsl:quiz:{question_id}" not in keys


def test_without_storage_the_site_still_works(visit: Visit) -> None:
    # As in a private window of some browsers: reading works, every write fails.
    visit.page.context.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('full', 'QuotaExceededError'); };"
    )
    visit.open(LESSON)
    assert mark_button(visit).is_hidden()
    answer_first_question_right(visit)
    visit.open("")
    assert "cannot be saved here" in visit.page.locator(".lab-progress__status").inner_text()
    assert visit.page.get_by_role("button", name="Reset my progress").is_hidden()
    assert visit.page.locator(LESSON_ITEM).get_by_role("link").is_visible()


def test_without_javascript_the_home_page_lists_every_lesson(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url)
        lessons = page.locator(".lab-progress__lessons a")
        assert lessons.count() >= 30
        assert page.get_by_role("link", name="How this site works").first.is_visible()
        assert page.locator(".lab-progress__state:visible").count() == 0
        assert page.get_by_role("button", name="Reset my progress").is_hidden()
        page.goto(site_url + LESSON)
        assert page.locator(".lab-mark").is_hidden()
        assert page.locator(".lab-done").is_hidden()
    finally:
        context.close()
