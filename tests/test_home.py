"""The home page's learning path agrees with the lessons it sums up."""

from __future__ import annotations

import re

import pytest

from labkit import frontmatter
from tests.support import REPO

DOCS = REPO / "docs"
HOME = (DOCS / "index.md").read_text(encoding="utf-8")
STEP = re.compile(
    r"\[(?P<title>[^\]]+)\]\((?P<chapter>\w+)/index\.md\)\{ \.lab-path__title \}.*?"
    r'<span class="lab-path__meta">(?P<lessons>\d+) lessons · about (?P<hours>[\d½]+) h</span>',
    re.S,
)
CHAPTERS = ("languages", "databases", "apis", "security", "devops")


def lessons(chapter: str) -> list[dict]:
    """The front matter of every lesson in a chapter."""
    found = []
    for page in sorted((DOCS / chapter).glob("*.md")):
        meta = frontmatter.read(page)
        if meta.get("kind", "lesson") == "lesson":
            found.append(meta)
    return found


def hours(text: str) -> float:
    return float(text.replace("½", ".5"))


def minutes(chapter: str) -> int:
    return sum(int(meta["time"].split()[0]) for meta in lessons(chapter))


def test_the_path_has_the_five_chapters_in_course_order() -> None:
    assert [m["chapter"] for m in STEP.finditer(HOME)] == list(CHAPTERS)


@pytest.mark.parametrize("step", list(STEP.finditer(HOME)), ids=lambda m: m["chapter"])
def test_each_step_states_its_lessons_and_time(step: re.Match[str]) -> None:
    """The lesson count is exact; the time is the lessons' `time:` summed, to the half hour."""
    chapter = step["chapter"]
    assert int(step["lessons"]) == len(lessons(chapter))
    assert hours(step["hours"]) == round(minutes(chapter) / 30) / 2


def test_the_totals_match_the_course() -> None:
    stated = re.search(r"Five chapters, (\d+) lessons, about (\d+) hours", HOME)
    assert stated, "the path's opening sentence changed: update this test"
    assert int(stated[1]) == sum(len(lessons(c)) for c in CHAPTERS)
    total = sum(minutes(c) for c in CHAPTERS) / 60
    assert abs(int(stated[2]) - total) <= 1, f"the lessons add up to {total:.1f} h"


MAP_STEP = re.compile(r'\[(?P<title>[^\]]+)\]\((?P<link>[^)]+)\)\{ \.lab-path__title \}\n'
                      r'<span class="lab-path__meta">Read first: (?P<first>.*?) · (?P<time>\d+ min)'
                      r"</span>")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_map_follows_the_lessons_front_matter(chapter: str) -> None:
    """A chapter's map lists its lessons in nav order, each with its prerequisites and time."""
    import posixpath

    text = (DOCS / chapter / "index.md").read_text(encoding="utf-8")
    steps = list(MAP_STEP.finditer(text))
    assert steps, f"docs/{chapter}/index.md has no map (ol.lab-path--chapter)"
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    order = re.findall(rf"^\s+- .+: ({chapter}/(?!index\.md)[\w-]+\.md)$", nav, re.M)
    assert [posixpath.normpath(f"{chapter}/{s['link']}") for s in steps] == order
    for step, page in zip(steps, order, strict=True):
        meta = frontmatter.read(DOCS / page)
        assert step["title"] == meta["title"] and step["time"] == meta["time"]
        wanted = [posixpath.normpath(f"{chapter}/{link}")
                  for link in re.findall(r"\]\(([^)]+)\)", step["first"])]
        assert wanted == (meta["prerequisites"] or []), f"{page}: prerequisites changed"
