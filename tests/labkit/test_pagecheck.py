"""`labkit.pagecheck`: a lesson ends with "Where to go from here", linking onwards; the
site's own pages all do, and all have a description."""

from __future__ import annotations

from pathlib import Path

import pytest

from labkit import frontmatter, pagecheck
from tests.support import LESSON, QUIZ, REPO

ENDING = "\n## Where to go from here\n\n- [Next](next.md): why.\n- [Other](../x/y.md#id): why.\n"


def problems(tmp_path: Path, body: str) -> list[str]:
    page = tmp_path / "page.md"
    page.write_text(LESSON.format(title="Demo") + body)
    return [str(e).replace(str(page), "page.md") for e in pagecheck.ending_problems(page)]


def test_a_lesson_that_ends_with_two_links_onwards(tmp_path: Path) -> None:
    assert problems(tmp_path, "\n## Summary\n\nText.\n" + QUIZ + ENDING) == []


def test_a_quiz_after_the_section_is_fine(tmp_path: Path) -> None:
    assert problems(tmp_path, "\n## Summary\n" + ENDING + QUIZ) == []


@pytest.mark.parametrize(("body", "expected"), [
    ("\nText.\n", "page.md: a lesson ends with '## Where to go from here', but it has no section"),
    ("\n## Further reading\n\n- [RFC](https://example.org/rfc)\n",
     "page.md:13: a lesson ends with '## Where to go from here', but the last section is "
     "'Further reading'"),
    (ENDING + "\n## Further reading\n\nA book.\n",
     "page.md:18: a lesson ends with '## Where to go from here', but the last section is "
     "'Further reading'"),
    ("\n## Where to go from here\n\n- [Next](next.md): why.\n- [RFC](https://x.org/a.md)\n"
     "- [Same page](#top)\n",
     "page.md:13: 'Where to go from here' has 1 link(s) to pages of the site; it needs at "
     "least 2"),
    ("\n## Where to go from here\n\n```markdown\n[a](a.md) [b](b.md)\n```\n",
     "page.md:13: 'Where to go from here' has 0 link(s)"),
])
def test_mistakes_are_located(tmp_path: Path, body: str, expected: str) -> None:
    found = problems(tmp_path, body)
    assert len(found) == 1 and found[0].startswith(expected), found
    assert "fix: end the page with `## Where to go from here`" in found[0]


def test_a_heading_in_code_does_not_count(tmp_path: Path) -> None:
    assert problems(tmp_path, ENDING + "\n```markdown\n## Not a section\n```\n") == []


SITE = REPO / "docs"
PAGES = pagecheck.pages(SITE)
URIS = [p.relative_to(SITE).as_posix() for p in PAGES]
ENDS = [p for p, uri in zip(PAGES, URIS, strict=True)
        if frontmatter.kind(p) == "lesson" or (uri.count("/") == 1 and uri.endswith("/index.md")
                                              and not uri.startswith("reference/"))]


@pytest.mark.parametrize("page", ENDS, ids=lambda p: p.relative_to(SITE).as_posix())
def test_every_lesson_and_chapter_overview_ends_with_links_onwards(page: Path) -> None:
    """Chapter overviews are held to the lessons' rule, though the checker asks it of lessons."""
    assert [str(e) for e in pagecheck.ending_problems(page)] == []


def test_every_page_has_a_description_of_its_own() -> None:
    assert len(ENDS) >= 30
    errors = [str(e) for e in frontmatter.duplicate_titles(PAGES)]
    errors += [str(e) for p in PAGES for e in frontmatter.validate(p, URIS)
               if "description" in str(e)]
    assert errors == []


def test_a_scaffolded_page_has_a_description_and_ends_with_links(project: Path) -> None:
    from labkit import scaffold

    (project / "docs" / "index.md").write_text("---\nkind: overview\ntitle: Home\n---\n")
    scaffold.create("demo", "caching_basics")
    page = project / "docs" / "demo" / "caching-basics.md"
    uris = ["index.md", "demo/caching-basics.md"]
    assert frontmatter.validate(page, uris) == []
    assert pagecheck.ending_problems(page) == []
    assert "](../index.md)" in page.read_text()  # no chapter overview yet: the home page


def test_the_heading_may_carry_attributes(tmp_path: Path) -> None:
    """`{ data-search-exclude }` keeps the section out of the search index."""
    ending = ENDING.replace("here\n", "here { data-search-exclude }\n")
    assert problems(tmp_path, "\n## Summary\n" + ending) == []
