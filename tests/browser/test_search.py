"""Search finds answers: the readers' questions, typed into the site's own search box.

The questions and the page each one should find live in `tests/search_questions.toml`. The
browser test types them, one after another in one tab, into Material's search box on the
built site, so they run through the engine readers get: lunr in Material's web worker, with
the index, separator and boosts the build wrote.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from markdown.extensions.toc import slugify

from tests.browser.conftest import Visit
from tests.support import REPO

QUESTIONS = REPO / "tests" / "search_questions.toml"
DOCS = REPO / "docs"
CHAPTERS = ("languages", "databases", "apis", "security", "devops")
TOP = 3
"""A question passes when its page is among this many first pages of the results."""
BAR = 0.9
"""The share of questions that must pass."""
PLACEHOLDER = "Type to start searching"
"""What Material's result header says while the query is empty (theme language: en)."""

INDEX_BUDGET = 2_000_000
"""Most bytes `search/search_index.json` may hold: every page downloads it. It held 2.57 MB
with the boilerplate and the snippets reference, 1.54 MB without them."""
BOILERPLATE = ("Run it yourself", "(recorded run)", "Choose all that apply.", "Try again")
"""Text our extension repeats on every page: run boxes, outputs, quizzes."""

BOX = "input.md-search__input"
META = ".md-search-result__meta"
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?\s*#*\s*$")


@dataclass(frozen=True)
class Question:
    """One reader's query and the page (optionally the section) that answers it."""

    query: str
    expect: str

    @property
    def page(self) -> str:
        """The expected page, relative to docs/ (`security/injection.md`)."""
        return self.expect.partition("#")[0]

    @property
    def anchor(self) -> str:
        """The section that answers, or "" for the page as a whole."""
        return self.expect.partition("#")[2]


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    """The questions of the file, in file order."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Question(**entry) for entry in data["question"]]


def page_url(page: str) -> str:
    """The site path a page is served at: `apis/http.md` -> `apis/http/`, `index.md` -> ``."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def heading_ids(markdown: str) -> set[str]:
    """The ids of the headings of a page: `{#id}` when given, else the toc extension's slug."""
    ids = set()
    fence = ""
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            marker = line.lstrip()[:3]
            fence = "" if fence == marker else fence or marker
            continue
        if not fence and (match := HEADING.match(line)):
            text = match["text"].replace("`", "")
            ids.add(match["id"] or slugify(text, "-"))
    return ids


def wait_for_placeholder(page: Any, *, shown: bool, timeout: float = 30_000) -> None:
    """Wait until the result header shows the empty-query placeholder, or until it no longer
    does. Material rewrites the header and the list together, when the worker answers."""
    page.wait_for_function(
        "([sel, text, shown]) => "
        "(document.querySelector(sel).textContent.trim() === text) === shown",
        arg=[META, PLACEHOLDER, shown], timeout=timeout,
    )


def ask(page: Any, query: str, root: str = "/") -> list[str]:
    """Type `query` into the search box and return the pages found, best first.

    Material groups the results by page: each list item is one page, its sections nested
    under it, ordered by each page's best-scoring section. So the pages in result order are
    the list items in order, and "the top 3" means the first three distinct pages.
    Each page is given as its path under the site's `root` (`apis/http/`).
    """
    box = page.locator(BOX)
    box.fill("")
    box.press("End")  # Material reads the query on keyup
    wait_for_placeholder(page, shown=True)
    box.fill(query)
    box.press("End")
    wait_for_placeholder(page, shown=False)  # the worker answered; the list is rendered
    links = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => a.href)",
    )
    found: list[str] = []
    for href in links:
        path = urlsplit(href).path.removeprefix(root)
        if path not in found:
            found.append(path)
    return found


def run_questions(visit: Visit, questions: list[Question]) -> list[tuple[Question, list[str]]]:
    """Open the home page, wait for the search index, then ask every question in turn."""
    visit.open("")
    visit.page.locator(BOX).click()
    wait_for_placeholder(visit.page, shown=True, timeout=60_000)  # the index is loaded
    root = urlsplit(visit.base).path
    return [(question, ask(visit.page, question.query, root)) for question in questions]


def misses_table(misses: list[tuple[Question, list[str]]]) -> str:
    """The questions whose page was not in the top results, as a plain-text table."""
    rows = [("query", "expected", "found first")]
    rows += [(q.query, page_url(q.page) or "/",
              ", ".join(path or "/" for path in found[:TOP]) or "(nothing)")
             for q, found in misses]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    return "\n".join(
        f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}" for row in rows
    )


def test_the_questions_are_well_formed() -> None:
    questions = load_questions()
    assert len(questions) >= 36
    queries = [q.query.casefold() for q in questions]
    assert len(set(queries)) == len(queries), "a query is listed twice"
    per_chapter = {c: sum(q.page.startswith(c + "/") for q in questions) for c in CHAPTERS}
    assert min(per_chapter.values()) >= 6, f"every chapter needs questions: {per_chapter}"
    for question in questions:
        assert question.query.strip() == question.query and question.query, question
        source = DOCS / question.page
        assert question.page.endswith(".md") and source.is_file(), (
            f"{question.query!r}: no page docs/{question.page}"
        )
        if question.anchor:
            assert question.anchor in heading_ids(source.read_text(encoding="utf-8")), (
                f"{question.query!r}: docs/{question.page} has no heading #{question.anchor}"
            )


def test_heading_ids_match_the_toc_extension() -> None:
    text = "## The N+1 query problem\n```\n# not a heading\n```\n### Custom {#mine}\n"
    assert heading_ids(text) == {"the-n1-query-problem", "mine"}
    assert page_url("apis/http.md") == "apis/http/"
    assert page_url("apis/index.md") == "apis/"
    assert page_url("index.md") == ""


# Only this test needs the browser; the two above check the questions file on its own.
@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_search_finds_the_page_for_most_questions(visit: Visit) -> None:
    """At least 90% of the questions find their page in the top 3: among the first three
    distinct pages of Material's result list, in its order (one list item per page)."""
    questions = load_questions()
    answers = run_questions(visit, questions)
    misses = [(q, found) for q, found in answers if page_url(q.page) not in found[:TOP]]
    passed = 1 - len(misses) / len(questions)
    print(f"search: {len(questions) - len(misses)}/{len(questions)} in the top {TOP}")
    assert passed >= BAR, (
        f"only {passed:.0%} of the questions find their page in the top {TOP} "
        f"(the bar is {BAR:.0%}); misses:\n{misses_table(misses)}"
    )


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_the_index_holds_answers_not_boilerplate(site_url: str) -> None:
    """The index stays within its budget and holds none of the markup every page repeats."""
    with urlopen(site_url + "search/search_index.json") as response:
        raw = response.read()
    assert len(raw) <= INDEX_BUDGET, (
        f"the search index is {len(raw):,} bytes, over its budget of {INDEX_BUDGET:,}: keep "
        "repeated markup out of it with data-search-exclude (see labkit/extension.py)"
    )
    docs = json.loads(raw)["docs"]
    assert not [d for d in docs if d["location"].startswith("reference/snippets/")]
    for phrase in BOILERPLATE:
        found = [d["location"] for d in docs if phrase in d["text"]]
        assert not found, f"{phrase!r} is in the search index at {found[:5]}"
