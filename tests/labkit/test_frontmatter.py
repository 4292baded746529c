"""Front matter: every malformed field is reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from labkit import frontmatter
from tests.support import LESSON

PAGES = ["index.md", "databases/sql.md"]


def check(tmp_path: Path, text: str) -> list[str]:
    page = tmp_path / "page.md"
    page.write_text(text)
    return [str(e).replace(str(page), "page.md") for e in frontmatter.validate(page, PAGES)]


def test_a_valid_lesson(tmp_path: Path) -> None:
    assert check(tmp_path, LESSON.format(title="Indexing") + "Body\n") == []


def test_overview_needs_only_title_and_description(tmp_path: Path) -> None:
    text = ("---\nkind: overview\ntitle: Home\n"
            "description: Start here to learn backend development from code that runs.\n---\n")
    assert check(tmp_path, text) == []


def test_a_lesson_needs_a_description(tmp_path: Path) -> None:
    text = "".join(line for line in LESSON.format(title="Indexing").splitlines(keepends=True)
                   if not line.startswith("description:"))
    errors = check(tmp_path, text)
    assert len(errors) == 1 and errors[0].startswith(
        "page.md:2: front matter lacks 'description'\n    fix: add `description:` right after "
        "`title:`"), errors


@pytest.mark.parametrize(("length", "expected"), [
    (49, "description is 49 characters, too short to tell a reader (it needs 50 to 160)"),
    (161, "description is 161 characters, cut off in search results (it needs 50 to 160)"),
])
def test_a_description_of_the_wrong_length(tmp_path: Path, length: int, expected: str) -> None:
    words = ("word " * length)[:length]
    text = "---\nkind: overview\ntitle: Home\ndescription: " + words + "\n---\n"
    assert [e.splitlines()[0] for e in check(tmp_path, text)] == [f"page.md:4: {expected}"]


def test_descriptions_of_50_and_160_characters_pass(tmp_path: Path) -> None:
    for length in (50, 160):
        text = "---\nkind: overview\ntitle: Home\ndescription: " + "x" * length + "\n---\n"
        assert check(tmp_path, text) == [], length


def test_two_pages_may_not_share_a_description(tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text(LESSON.format(title="A").replace("page A", "page B"))
    second.write_text(LESSON.format(title="B"))
    errors = [str(e) for e in frontmatter.duplicate_titles([first, second])]
    assert len(errors) == 1 and "description 'What the page B teaches" in errors[0]
    assert "is already the description of" in errors[0] and "fix: give each page" in errors[0]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("difficulty: beginner", "difficulty: easy"),
         "page.md:8: difficulty must be one of beginner, intermediate, advanced, not 'easy'"),
        (("time: 5 min", "time: soon"), "page.md:9: time must look like '20 min'"),
        (("prerequisites: []", "prerequisites: [nowhere.md]"),
         "page.md:7: prerequisite 'nowhere.md' is not a page of this site"),
        (("  - Write a third thing\n", ""), "page.md:3: 'objectives' must be a list of 3 to 5"),
        (("title: Indexing\n", ""), "page.md:1: front matter lacks 'title'"),
        (("time: 5 min", "time: 5 min\ncolour: blue"), "page.md:10: unknown front matter field"),
        (("difficulty: beginner", "difficulty: [beginner"), "page.md:8: front matter is not valid"),
    ],
)
def test_mistakes_are_located(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    text = LESSON.format(title="Indexing").replace(*change)
    errors = check(tmp_path, text)
    assert any(e.startswith(expected) for e in errors), errors
    assert all("fix:" in e for e in errors)


def test_no_front_matter(tmp_path: Path) -> None:
    assert check(tmp_path, "# Title\n")[0].startswith("page.md:1: page has no front matter")


def test_lesson_must_not_repeat_its_title_as_a_heading(tmp_path: Path) -> None:
    errors = check(tmp_path, LESSON.format(title="Indexing") + "\n# Indexing\n")
    assert errors and errors[0].startswith("page.md:13: a lesson takes its title")
