"""Quiz blocks: parsed, validated with page:line, rendered for lab.js."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit import quiz
from labkit.errors import LabError

GOOD = [
    "Q: Which methods are idempotent?",
    "+ PUT :: Repeating it leaves the same state.",
    "- POST :: It may create a resource each time.",
    "+ DELETE :: Gone is gone.",
    "",
    "Q: Is `GET` safe?",
    "+ Yes :: It must not change state.",
    "- No :: It must not.",
]


def test_parse_and_render() -> None:
    questions = quiz.parse(GOOD, 10, "page.md")
    assert [q.multiple for q in questions] == [True, False]
    html = quiz.render(questions, "Check yourself")
    assert html.count('type="checkbox"') == 3 and html.count('type="radio"') == 2
    assert html.count("data-correct") == 3
    assert "<code>GET</code>" in html
    assert questions[0].key == quiz.parse(GOOD, 99, "other.md")[0].key, "keys are stable"


@pytest.mark.parametrize(
    ("lines", "line", "message"),
    [
        (["Q: Which?", "- A :: no", "- B :: no"], 10, "quiz question has no right answer"),
        (["Q: Which?", "+ A :: yes"], 10, "quiz question needs at least two answers"),
        (["Q: Which?", "+ A", "- B :: no"], 11, "quiz answer without an explanation"),
        (["Which?"], 10, "unexpected line in quiz"),
        ([], 10, "quiz has no questions"),
    ],
)
def test_mistakes(lines: list[str], line: int, message: str) -> None:
    with pytest.raises(LabError, match=message) as caught:
        quiz.parse(lines, 10, "page.md")
    assert caught.value.line == line
    assert caught.value.fix


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
       | st.from_regex(quiz.PLAIN, fullmatch=True))
def test_plain_text_skips_markdown_and_comes_out_as_markdown_would_write_it(text: str) -> None:
    converted = re.sub(r"^<p>|</p>$", "", quiz._converter().reset().convert(text))
    if quiz.PLAIN.fullmatch(text) and text == text.strip():
        assert quiz._inline(text) == converted


@pytest.mark.parametrize("text", ["A *stressed* word", "`GET`", "1. a list", "- a list",
                                  "# heading", "> quote", "a < b", "AT&T", "[link](x)",
                                  " padded "])
def test_text_with_markdown_in_it_is_converted(text: str) -> None:
    assert not (quiz.PLAIN.fullmatch(text) and text == text.strip())
