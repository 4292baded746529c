"""Every way a contribution can be wrong fails the strict build loudly, with file:line and a fix.

Each case builds a throwaway project (the real config, hooks and theme) holding one
mistake, with `mkdocs build --strict`, exactly as a contributor would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import LESSON, QUIZ, build, make_project, record

GOOD_SNIPPET = '''\
"""Greet the reader."""


def main() -> None:
    """Print a greeting."""
    # --8<-- [start:greet]
    print("hello")
    # --8<-- [end:greet]


if __name__ == "__main__":
    main()
'''
FILES = {
    "snippets/demo/__init__.py": '"""Demo chapter."""\n',
    "snippets/demo/hello.py": GOOD_SNIPPET,
}


def page(body: str, front: str = LESSON.format(title="Demo")) -> dict[str, str]:
    return {"page.md": front + "\n" + body + QUIZ}


def fails_with(tmp_path: Path, pages: dict[str, str], *expected: str,
               files: dict[str, str] | None = None, recorded: bool = True) -> str:
    root = make_project(tmp_path / "project", pages, {**FILES, **(files or {})})
    if recorded:
        record(root, "demo.hello")
    result = build(root)
    assert result.returncode != 0, "the strict build should have failed"
    for text in expected:
        assert text in result.stderr, f"expected {text!r} in:\n{result.stderr}"
    return result.stderr


def test_the_good_project_builds(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project",
                        page("@snippet demo/hello.py#greet\n@output demo/hello.py\n"), FILES)
    record(root, "demo.hello")
    result = build(root)
    assert result.returncode == 0, result.stderr


# The front matter takes lines 1-10 of page.md and a blank line follows, so the first
# line of the body is line 12.
def test_missing_snippet_file(tmp_path: Path) -> None:
    fails_with(tmp_path, page("@snippet demo/absent.py\n"),
               "docs/page.md:12: @snippet demo/absent.py",
               "snippets/demo/absent.py: snippet file not found", "fix: give the path")


def test_missing_region(tmp_path: Path) -> None:
    fails_with(tmp_path, page("@snippet demo/hello.py#nope\n"),
               "docs/page.md:12: @snippet demo/hello.py#nope", "no region named 'nope'",
               "fix: add `# --8<-- [start:nope]`", "use an existing region: greet")


def test_unclosed_region(tmp_path: Path) -> None:
    broken = GOOD_SNIPPET.replace('    # --8<-- [end:greet]\n', "")
    fails_with(tmp_path, page("@snippet demo/hello.py#greet\n"),
               "docs/page.md:12:",
               "snippets/demo/hello.py:6: region 'greet' starts here but is never closed",
               "fix: add `# --8<-- [end:greet]` after its last line",
               files={"snippets/demo/hello.py": broken}, recorded=False)


def test_stale_output(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", page("@output demo/hello.py\n"), FILES)
    record(root, "demo.hello")
    snippet = root / "snippets" / "demo" / "hello.py"
    snippet.write_text(GOOD_SNIPPET.replace('"hello"', '"hello again"'))
    result = build(root)
    assert result.returncode != 0
    assert "docs/page.md:12: @output demo/hello.py" in result.stderr
    assert "snippets/demo/_outputs/hello.txt:3: recorded output of demo.hello" in result.stderr
    assert "is stale" in result.stderr
    assert "fix: re-record it: python -m snippets record demo.hello" in result.stderr


def test_missing_output(tmp_path: Path) -> None:
    fails_with(tmp_path, page("@output demo/hello.py\n"),
               "docs/page.md:12:", "no recorded output for demo.hello on sqlite",
               "fix: record it: python -m snippets record demo.hello", recorded=False)


def test_malformed_front_matter_value(tmp_path: Path) -> None:
    front = LESSON.format(title="Demo").replace("difficulty: beginner", "difficulty: hard")
    fails_with(tmp_path, page("Text.\n", front),
               "docs/page.md:8: difficulty must be one of beginner, intermediate, advanced",
               "fix:")


def test_front_matter_that_is_not_yaml(tmp_path: Path) -> None:
    front = LESSON.format(title="Demo").replace("time: 5 min", "time: [5 min")
    fails_with(tmp_path, page("Text.\n", front), "docs/page.md:9: front matter is not valid YAML")


def test_missing_front_matter(tmp_path: Path) -> None:
    fails_with(tmp_path, {"page.md": "Just text.\n"}, "docs/page.md:1: page has no front matter")


def test_unknown_exercise(tmp_path: Path) -> None:
    fails_with(tmp_path, page("@exercise demo.nothing\n"),
               "docs/page.md:12: no exercise named 'demo.nothing'", "fix:")


def test_quiz_without_a_right_answer(tmp_path: Path) -> None:
    quiz = "/// quiz\nQ: Pick one\n- A :: no\n- B :: no\n///\n"
    fails_with(tmp_path, page(quiz), "docs/page.md:13: quiz question has no right answer",
               "fix: mark the right answer(s) with `+`")


def test_dead_internal_link(tmp_path: Path) -> None:
    fails_with(tmp_path, page("See [the other page](other.md).\n"),
               "docs/page.md:12: link to 'other.md', which is not a page", "fix:")


@pytest.mark.parametrize("directive", ["@snipet demo/hello.py", "@outptu demo/hello.py"])
def test_misspelt_directive(tmp_path: Path, directive: str) -> None:
    fails_with(tmp_path, page(f"{directive}\n"), "docs/page.md:12:", "unknown directive")


def test_a_lesson_without_a_quiz(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project",
                        {"page.md": LESSON.format(title="Demo") + "\nText.\n"}, FILES)
    result = build(root)
    assert result.returncode != 0
    assert "docs/page.md: lesson page has no quiz" in result.stderr


def test_a_quiz_of_four_questions(tmp_path: Path) -> None:
    short = QUIZ.replace("Q: Question 5?\n+ Right :: Because.\n- Wrong :: Because not.\n", "")
    root = make_project(tmp_path / "project",
                        {"page.md": LESSON.format(title="Demo") + "\n" + short}, FILES)
    result = build(root)
    assert "docs/page.md:13: the quiz has 4 questions" in result.stderr


def test_a_snippet_no_page_shows(tmp_path: Path) -> None:
    extra = {"snippets/demo/orphan.py": GOOD_SNIPPET}
    fails_with(tmp_path, page("@snippet demo/hello.py\n"),
               "snippets/demo/orphan.py: no page shows the snippet demo.orphan",
               "fix: embed it in a page", files=extra)


def test_problems_show_on_the_page_while_serving(tmp_path: Path) -> None:
    front = LESSON.format(title="Demo").replace("difficulty: beginner", "difficulty: begginer")
    root = make_project(tmp_path / "project", page("Text.\n", front), FILES)
    result = build(root)
    assert "did you mean beginner?" in result.stderr
    html = (root / "site" / "page" / "index.html").read_text()
    assert "This page has problems" in html and "difficulty must be one of" in html
