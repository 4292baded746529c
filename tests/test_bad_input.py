"""Every way a contribution can be wrong fails loudly, with file:line and a fix.

Each case builds a throwaway project (the real config, hooks and theme) holding one
mistake, with `mkdocs build --strict`, exactly as a contributor would; mistakes in what a
snippet does at run time go through the sandboxed runner (or `python -m snippets record`),
and a lesson's missing "Where to go from here" through `python -m snippets check-pages`.
None of them may leave anything behind: a file outside the test's folder, a process.
CONTRIBUTING.md ("When the build says no") lists every case, and a test keeps the two
in step.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from labkit import catalog, outputs, runner
from labkit.errors import LabError
from tests.labkit.test_runner import write_snippet
from tests.support import LESSON, QUIZ, build, leftovers, make_project, record

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


@pytest.fixture(autouse=True)
def leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Give the test a temporary folder of its own; afterwards it and the machine are clean."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    yield
    assert not leftovers(tmp_path), "the test left something behind"


def page(body: str, front: str = LESSON.format(title="Demo")) -> dict[str, str]:
    return {"page.md": front + "\n" + body + QUIZ}


def fails_with(tmp_path: Path, pages: dict[str, str], *expected: str,
               files: dict[str, str] | None = None, recorded: bool = True,
               then: Callable[[Path], object] | None = None) -> str:
    root = make_project(tmp_path / "project", pages, {**FILES, **(files or {})})
    if recorded:
        record(root, "demo.hello")
    if then:
        then(root)
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


# The front matter takes lines 1-11 of page.md and a blank line follows, so the first
# line of the body is line 13.
def test_missing_snippet_file(tmp_path: Path) -> None:
    fails_with(tmp_path, page("@snippet demo/absent.py\n"),
               "docs/page.md:13: @snippet demo/absent.py",
               "snippets/demo/absent.py: snippet file not found", "fix: give the path")


def test_missing_region(tmp_path: Path) -> None:
    fails_with(tmp_path, page("@snippet demo/hello.py#nope\n"),
               "docs/page.md:13: @snippet demo/hello.py#nope", "no region named 'nope'",
               "fix: add `# --8<-- [start:nope]`", "use an existing region: greet")


def test_unclosed_region(tmp_path: Path) -> None:
    broken = GOOD_SNIPPET.replace('    # --8<-- [end:greet]\n', "")
    fails_with(tmp_path, page("@snippet demo/hello.py#greet\n"),
               "docs/page.md:13:",
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
    assert "docs/page.md:13: @output demo/hello.py" in result.stderr
    assert "snippets/demo/_outputs/hello.txt:3: recorded output of demo.hello" in result.stderr
    assert "is stale" in result.stderr
    assert "fix: re-record it: python -m snippets record demo.hello" in result.stderr


def test_missing_output(tmp_path: Path) -> None:
    fails_with(tmp_path, page("@output demo/hello.py\n"),
               "docs/page.md:13:", "no recorded output for demo.hello on sqlite",
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
               "docs/page.md:13: no exercise named 'demo.nothing'", "fix:")


def test_quiz_without_a_right_answer(tmp_path: Path) -> None:
    quiz = "/// quiz\nQ: Pick one\n- A :: no\n- B :: no\n///\n"
    fails_with(tmp_path, page(quiz), "docs/page.md:14: quiz question has no right answer",
               "fix: mark the right answer(s) with `+`")


def test_dead_internal_link(tmp_path: Path) -> None:
    fails_with(tmp_path, page("See [the other page](other.md).\n"),
               "docs/page.md:13: link to 'other.md', which is not a page", "fix:")


@pytest.mark.parametrize("directive", ["@snipet demo/hello.py", "@outptu demo/hello.py"])
def test_misspelt_directive(tmp_path: Path, directive: str) -> None:
    fails_with(tmp_path, page(f"{directive}\n"), "docs/page.md:13:", "unknown directive")


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
    assert "docs/page.md:14: the quiz has 4 questions" in result.stderr


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


# --- what a snippet does when it runs: the runner and `python -m snippets record` -------


def refused(project: Path, body: str, *expected: str, line: int = 0,
            action: Callable[[catalog.Snippet], object] = runner.run) -> LabError:
    """Run (or record) a snippet `demo.bad` made of `body`; it must fail at its `line`."""
    snippet = write_snippet(project, "bad", body)
    with pytest.raises(LabError) as caught:
        action(snippet)
    text = str(caught.value)
    where = "snippets/demo/bad.py" + (f":{line}:" if line else ":")
    assert text.startswith(where), f"expected the error at {where}, got:\n{text}"
    for part in (*expected, "\n    fix: "):
        assert part in text, f"expected {part!r} in:\n{text}"
    return caught.value


def test_a_snippet_that_raises(project: Path) -> None:
    refused(project, "def main():\n    1 / 0\n\nmain()\n",
            "demo.bad failed on sqlite: ZeroDivisionError", "python -m snippets.demo.bad", line=2)


def test_a_snippet_that_prints_nothing(project: Path) -> None:
    refused(project, "def main():\n    pass\n", "demo.bad printed nothing",
            'if __name__ == "__main__": main()')


def test_a_snippet_that_hangs(project: Path) -> None:
    refused(project, "import time\nTIMEOUT = 2\n\ndef main():\n    time.sleep(60)\n\nmain()\n",
            "did not finish within 2 s", "set TIMEOUT", line=5)


def test_a_snippet_that_writes_outside_its_folder(project: Path) -> None:
    target = project / "leak.txt"
    refused(project, (
        "import os\n"
        "def main():\n"
        "    with open(os.path.join(os.environ['LAB_ROOT'], 'leak.txt'), 'w') as out:\n"
        "        out.write('leaked')\n"
        "main()\n"
    ), "writing to '<repo>/leak.txt' is blocked", "tempfile.gettempdir()", line=3)
    assert not target.exists()


def test_a_snippet_that_reads_the_network(project: Path) -> None:
    refused(project, (
        "import socket\n"
        "def main():\n"
        "    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
        "main()\n"
    ), "network access to '192.0.2.1' is blocked", "talk only to 127.0.0.1", line=3)


def test_a_snippet_that_leaves_a_process_running(project: Path) -> None:
    refused(project, (
        "import subprocess, sys\n"
        "def main():\n"
        "    subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "    print('started a server')\n"
        "main()\n"
    ), "demo.bad left 1 process(es) running", "import time; time.sleep(60)", "terminate()")


def test_a_snippet_over_the_memory_cap(project: Path) -> None:
    refused(project, "def main():\n    print(len(bytearray(3 * 1024**3)))\n\nmain()\n",
            "MemoryError", "exceeded the sandbox memory cap of 2048 MB", "MEMORY_MB = ", line=2)


def test_output_that_changes_between_runs(project: Path) -> None:
    refused(project, "import os\ndef main():\n    print(os.urandom(8).hex())\n\nmain()\n",
            "demo.bad prints something different on each run", "pin what varies",
            action=outputs.record)


def test_an_output_too_long_to_read(project: Path) -> None:
    refused(project, "def main():\n    for n in range(500):\n        print(n)\n\nmain()\n",
            "demo.bad prints 500 lines", "at most 200 lines",
            "print less: a page shows what a reader can read", action=outputs.record)
    assert not outputs.output_path(catalog.Snippet(project / "snippets/demo/bad.py")).exists()


# --- more mistakes in pages, snippets and exercises: the strict build ------------------

EXERCISE = {
    "snippets/demo/exercises/task.py": '"""Do a task."""\n\n\ndef task():\n'
                                       "    raise NotImplementedError\n",
    "snippets/demo/exercises/task_solution.py": '"""Done."""\n\n\ndef task():\n'
                                                "    return 1\n",
}


def test_a_region_name_used_twice(tmp_path: Path) -> None:
    twice = GOOD_SNIPPET.replace('    print("hello")\n',
                                 '    # --8<-- [start:greet]\n    print("hello")\n')
    fails_with(tmp_path, page("@snippet demo/hello.py#greet\n"),
               "snippets/demo/hello.py:7: region 'greet' is defined twice (first at line 6)",
               "fix: give each region in a file its own name",
               files={"snippets/demo/hello.py": twice}, recorded=False)


def test_an_unknown_directive_option(tmp_path: Path) -> None:
    fails_with(tmp_path, page('@snippet demo/hello.py#greet titel="Hi"\n'),
               "docs/page.md:13: @snippet has no option 'titel=Hi'",
               'fix: did you mean title=? options of @snippet: title="…" highlight="…"')


def test_a_link_to_a_missing_heading(tmp_path: Path) -> None:
    other = LESSON.format(title="Other") + "\n## Pitfalls\n\nText.\n" + QUIZ
    fails_with(tmp_path, {**page("See [the pitfalls](other.md#pitfals).\n"), "other.md": other},
               "docs/page.md:13: link to 'other.md#pitfals', but other.md has no heading with "
               "that id", "fix: did you mean #pitfalls?")


def test_two_pages_with_the_same_title(tmp_path: Path) -> None:
    fails_with(tmp_path, {**page("Text.\n"), "other.md": LESSON.format(title="Demo") + QUIZ},
               "docs/page.md:2: title 'Demo' is already the title of docs/other.md:2",
               "fix: give each page a title of its own")


def test_a_lesson_without_a_description(tmp_path: Path) -> None:
    front = "\n".join(line for line in LESSON.format(title="Demo").splitlines()
                      if not line.startswith("description:")) + "\n"
    fails_with(tmp_path, page("Text.\n", front),
               "docs/page.md:2: front matter lacks 'description'",
               "fix: add `description:` right after `title:`: one sentence of 50 to 160 characters")


def test_a_description_too_long_for_search_results(tmp_path: Path) -> None:
    long = "description: " + "Every word of this sentence is one more word to cut off. " * 3
    front = "\n".join(long if line.startswith("description:") else line
                      for line in LESSON.format(title="Demo").splitlines()) + "\n"
    fails_with(tmp_path, page("Text.\n", front),
               "docs/page.md:10: description is 170 characters, cut off in search results "
               "(it needs 50 to 160)", "fix: shorten it to one sentence of at most 160 characters")


def test_two_pages_with_the_same_description(tmp_path: Path) -> None:
    other = LESSON.format(title="Other").replace("page Other teaches", "page Demo teaches")
    fails_with(tmp_path, {**page("Text.\n"), "other.md": other + QUIZ},
               "docs/page.md:10: description 'What the page Demo teaches, in one sentence for "
               "search results and previews.' is already the description of docs/other.md:10",
               "fix: give each page a description of its own")


def check_pages(root: Path) -> subprocess.CompletedProcess[str]:
    """`python -m snippets check-pages` in the project at `root`, as a contributor runs it."""
    code = "from labkit.cli import main; raise SystemExit(main(['check-pages']))"
    env = {**os.environ, "LAB_ROOT": str(root)}
    return subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


def test_a_lesson_that_does_not_end_with_where_to_go(tmp_path: Path) -> None:
    body = "@snippet demo/hello.py#greet\n@output demo/hello.py\n\n## Further reading\n\nA book.\n"
    root = make_project(tmp_path / "project", page(body), FILES)
    record(root, "demo.hello")
    result = check_pages(root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert ("docs/page.md:16: a lesson ends with '## Where to go from here', but the last "
            "section is 'Further reading'") in result.stdout, result.stdout
    assert "fix: end the page with `## Where to go from here`, after Further reading" in (
        result.stdout)
    page_md = root / "docs" / "page.md"
    page_md.write_text(page_md.read_text() + "\n## Where to go from here\n\n- [Home](page.md)\n")
    result = check_pages(root)
    assert "docs/page.md:38: 'Where to go from here' has 1 link(s) to pages of the site" in (
        result.stdout), result.stdout
    page_md.write_text(page_md.read_text() + "- [Again](page.md#further-reading)\n")
    result = check_pages(root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_page_missing_from_the_navigation(tmp_path: Path) -> None:
    fails_with(tmp_path, page("Text.\n"), "docs/orphan.md: page is not in the navigation",
               "fix: add `- orphan.md` to nav: in mkdocs.yml",
               files={"docs/orphan.md": LESSON.format(title="Orphan") + QUIZ})


def test_an_exercise_without_checks(tmp_path: Path) -> None:
    fails_with(tmp_path, page("@snippet demo/hello.py\n@exercise demo.task\n"),
               "docs/page.md:14: @exercise demo.task",
               "snippets/demo/exercises/task.py: exercise lacks task_checks.py",
               "fix: add snippets/demo/exercises/task_checks.py", files=EXERCISE)


def test_a_checks_file_without_checks(tmp_path: Path) -> None:
    checks = {"snippets/demo/exercises/task_checks.py": "def helper(module):\n    pass\n"}
    fails_with(tmp_path, page("@snippet demo/hello.py\n@exercise demo.task\n"),
               "snippets/demo/exercises/task_checks.py: checks module defines no check_* "
               "function", "fix: add at least one function check_<what>(module)",
               files={**EXERCISE, **checks})


def test_a_page_that_is_not_utf8(tmp_path: Path) -> None:
    def latin1(root: Path) -> None:
        target = root / "docs" / "page.md"
        target.write_bytes(target.read_bytes().replace(b"Text.", b"Caf\xe9."))

    stderr = fails_with(tmp_path, page("Text.\n"),
                        "docs/page.md:13: not UTF-8 text: byte b'\\xe9' at byte offset",
                        "fix: save the file as UTF-8", then=latin1)
    assert "Traceback" not in stderr and "UnicodeDecodeError" not in stderr


def test_a_snippet_that_is_not_utf8(tmp_path: Path) -> None:
    def latin1(root: Path) -> None:
        target = root / "snippets" / "demo" / "hello.py"
        target.write_bytes(target.read_bytes().replace(b'"hello"', b'"h\xe9llo"'))

    stderr = fails_with(tmp_path, page("@snippet demo/hello.py#greet\n"),
                        "docs/page.md:13: @snippet demo/hello.py#greet",
                        "snippets/demo/hello.py:7: not UTF-8 text: byte b'\\xe9'",
                        "fix: save the file as UTF-8", then=latin1)
    assert "Traceback" not in stderr and "UnicodeDecodeError" not in stderr


def test_a_recorded_output_of_no_snippet(tmp_path: Path) -> None:
    fails_with(tmp_path, page("@output demo/hello.py\n"),
               "snippets/demo/_outputs/gone.txt: recorded output of no snippet",
               "fix: delete it", files={"snippets/demo/_outputs/gone.txt": "old\n"})
