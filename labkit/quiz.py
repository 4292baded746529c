"""Self-check quizzes written in the page, rendered as interactive HTML.

```text
/// quiz | Check yourself
Q: Which HTTP methods are idempotent?
+ PUT :: Sending the same PUT twice leaves the same state as sending it once.
- POST :: Two identical POSTs may create two resources.
+ DELETE :: After the first one, the resource is gone; repeats change nothing more.
///
```

`+` marks a right answer, `-` a wrong one, and `::` starts the explanation shown
once the reader checks. A question with several right answers becomes
"choose all that apply". The reader's answers are kept in the browser only, under
`bsl:v1:quiz:<question id>` in localStorage (`docs/assets/javascripts/lab.js`, through the
progress store of `progress.js`), and the home page sums them up per lesson; the id comes from
the question's text, so a reworded question starts afresh.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

import markdown

from labkit.errors import LabError

START = re.compile(r"^(?P<indent>\s*)///\s*quiz\b\s*(?:\|\s*(?P<title>.*))?$")
END = re.compile(r"^\s*///\s*$")
QUESTION = re.compile(r"^Q:\s*(?P<text>.+)$")
ANSWER = re.compile(r"^(?P<sign>[+-])\s+(?P<text>.+?)\s+::\s+(?P<why>.+)$")


@dataclass
class Answer:
    text: str
    why: str
    correct: bool


@dataclass
class Question:
    text: str
    line: int
    answers: list[Answer] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Stable id: the same question keeps its saved answer across rebuilds."""
        return "q-" + hashlib.sha256(self.text.encode()).hexdigest()[:12]

    @property
    def multiple(self) -> bool:
        return sum(a.correct for a in self.answers) > 1


def parse(lines: list[str], first_line: int, page: str) -> list[Question]:
    """Parse the body of a quiz block.

    Args:
        lines: The lines between `/// quiz` and `///`.
        first_line: Line number (in the page) of the first of them.
        page: The page, for error messages.

    Raises:
        LabError: on a line that is neither question nor answer, an answer without
            an explanation, or a question without a right answer.
    """
    questions: list[Question] = []
    for number, raw in enumerate(lines, start=first_line):
        line = raw.strip()
        if not line:
            continue
        if match := QUESTION.match(line):
            questions.append(Question(match["text"], number))
        elif line[:1] in "+-" and questions:
            answer = ANSWER.match(line)
            if not answer:
                problem = ("quiz answer without an explanation" if " :: " not in line
                           else "quiz answer needs a space after its + or -")
                raise LabError(page, number, problem,
                               "write `+ answer :: why it is right` or `- answer :: why not`")
            questions[-1].answers.append(
                Answer(answer["text"], answer["why"], answer["sign"] == "+")
            )
        else:
            raise LabError(page, number, f"unexpected line in quiz: {line!r}",
                           "start a question with `Q:` and each answer with `+` or `-`")
    if not questions:
        raise LabError(page, first_line, "quiz has no questions", "add `Q: …` lines")
    for question in questions:
        if len(question.answers) < 2:
            raise LabError(page, question.line, "quiz question needs at least two answers",
                           "add answers starting with `+` (right) or `-` (wrong)")
        if not any(a.correct for a in question.answers):
            raise LabError(page, question.line, "quiz question has no right answer",
                           "mark the right answer(s) with `+` instead of `-`")
    return questions


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown()


PLAIN = re.compile(r"(?![\d#>=+-])[^\x00-\x1f\x7f`*_\[\]<>&\\!{}|~^]*")
"""One line with no Markdown in it: no inline markup, no character to escape, no list,
heading or quote marker at the start. Such a text is its own HTML."""


@lru_cache(maxsize=4096)
def _inline(text: str) -> str:
    """`text` as inline HTML; one converter for every call (making one costs more than using
    it), each text converted once, and plain text (most answers) not converted at all."""
    if PLAIN.fullmatch(text) and text == text.strip():
        return text
    rendered = _converter().reset().convert(text)
    return re.sub(r"^<p>|</p>$", "", rendered)


def render(questions: list[Question], title: str = "") -> str:
    """The quiz as HTML; `lab.js` makes it interactive."""
    out = ['<div class="lab-quiz">']
    out.append(f'<p class="lab-quiz__title">{html.escape(title or "Check yourself")}</p>')
    for number, question in enumerate(questions, start=1):
        kind = "checkbox" if question.multiple else "radio"
        hint = "Choose all that apply." if question.multiple else "Choose one."
        out.append(
            f'<fieldset class="lab-quiz__question" data-question="{question.key}">'
            f'<legend><span class="lab-quiz__number">{number}.</span> '
            f"{_inline(question.text)}</legend>"
            f'<p class="lab-quiz__hint">{hint}</p><ul class="lab-quiz__answers">'
        )
        for index, answer in enumerate(question.answers):
            flag = " data-correct" if answer.correct else ""
            out.append(
                f'<li class="lab-quiz__answer"><label><input type="{kind}" '
                f'name="{question.key}" value="{index}"{flag}> {_inline(answer.text)}</label>'
                f'<div class="lab-quiz__why" hidden>{_inline(answer.why)}</div></li>'
            )
        out.append(
            '</ul><button type="button" class="md-button lab-quiz__check">Check</button> '
            '<button type="button" class="md-button lab-quiz__reset">Try again</button> '
            '<span class="lab-quiz__result" role="status" aria-live="polite"></span>'
            "</fieldset>"
        )
    out.append("</div>")
    return "".join(out)
