"""The caches keyed by file contents: an edited file is read again, an unchanged one is not."""

from __future__ import annotations

import os
import time
from pathlib import Path

import jinja2
import pytest

from labkit import catalog, coverage, filecache, imports, outputs, pyfacts, quiz, stamp
from labkit.errors import LabError
from labkit.runner import RunResult
from tests.support import demo_snippet, one_build, recorded_demo


def test_a_snippet_edited_in_place_shows_its_new_constants(project: Path) -> None:
    chapter = project / "snippets" / "demo"
    chapter.mkdir()
    (chapter / "__init__.py").write_text('"""Demo."""\n')
    path = chapter / "hello.py"
    path.write_text('ENGINES = ("sqlite",)\n')
    assert catalog.Snippet(path).engines == ("sqlite",)
    stat = path.stat()
    path.write_text('ENGINES = ("redis",)\n')
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: contents decide
    assert catalog.Snippet(path).engines == ("redis",)


def test_imports_are_read_again_when_the_file_changes(project: Path) -> None:
    path = demo_snippet(project)
    chapter = path.parent
    path.write_text("import json\n")
    assert imports.local_files(path) == {path.resolve()}
    path.write_text("from snippets.demo import _shared\n")
    assert (chapter / "_shared.py").resolve() in imports.local_files(path)


def test_python_facts_are_shared_and_keyed_by_text() -> None:
    first = pyfacts.parse("a.py", "import os\n")
    assert pyfacts.parse("a.py", "import os\n") is first
    assert pyfacts.parse("a.py", "import sys\n") is not first


def test_inline_quiz_text_is_converted_once_each() -> None:
    assert quiz._inline("a *b*") == "a <em>b</em>"
    assert quiz._inline("`c`") == "<code>c</code>"


def test_the_template_cache_compiles_a_changed_template_again(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text("one {{ x }}")
    cache = filecache.templates()

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=cache)
        return env.get_template("t.html").render(x=1)

    assert render() == "one 1"
    assert render() == "one 1"  # from the cache, with a new environment (a serve rebuild)
    (tmp_path / "t.html").write_text("two {{ x }}")
    assert render() == "two 1"


def test_a_page_is_outdated_when_a_snippet_it_shows_changes(project: Path) -> None:
    chapter = project / "snippets" / "demo"
    chapter.mkdir()
    (chapter / "__init__.py").write_text('"""Demo."""\n')
    (chapter / "hello.py").write_text('"""Hi."""\n')
    (chapter / "other.py").write_text('"""Other."""\n')
    page, html = project / "docs" / "page.md", project / "page.html"
    page.write_text("```text\n@snippet demo/other.py\n```\n\n@snippet demo/hello.py\n")
    assert coverage.outdated([(page, html)]) == []  # not built yet: the generator builds it
    html.write_text("<p>built</p>")
    past = time.time_ns() - 10**9
    for path in (chapter / "hello.py", chapter / "other.py", page):
        os.utime(path, ns=(past, past))
    assert coverage.outdated([(page, html)]) == []
    (chapter / "other.py").write_text('"""Shown only inside a fence."""\n')
    assert coverage.outdated([(page, html)]) == []
    (chapter / "hello.py").write_text('"""Hello."""\n')
    assert coverage.outdated([(page, html)]) == [page]


def test_an_exercise_is_found_by_its_file_and_a_wrong_name_still_gets_a_suggestion(
        project: Path) -> None:
    folder = project / "snippets" / "demo" / "exercises"
    folder.mkdir(parents=True)
    (project / "snippets" / "demo" / "__init__.py").write_text('"""Demo."""\n')
    for suffix in ("", "_checks", "_solution"):
        (folder / f"task{suffix}.py").write_text('"""Task."""\n')
    assert catalog.find_exercise("demo.task").stub == folder / "task.py"
    for wrong in ("demo.tsak", "demo.task_checks", "demo/../demo.task", "demo"):
        try:
            catalog.find_exercise(wrong)
        except catalog.UnknownName:
            continue
        raise AssertionError(f"{wrong} was found")


def test_source_hashes_are_kept_for_one_build_only(project: Path) -> None:
    snippet = recorded_demo(project)
    path, shared = snippet.path, snippet.path.parent / "_shared.py"
    first = outputs.source_hash(path)
    shared.write_text("X = 2\n")
    assert outputs.source_hash(path) != first, "outside a build nothing is kept"
    outputs.write(RunResult(snippet, "sqlite", "2\n", ""))
    with one_build():
        assert outputs.fresh(snippet).text == "2\n"
        kept = outputs.source_hash(path)
        assert outputs.source_hash(path) is kept, "one build hashes a snippet once"
    shared.write_text("X = 3\n")  # edited between two builds (serve)
    with one_build(), pytest.raises(LabError, match="is stale"):
        outputs.fresh(snippet)


def test_the_stamp_finds_the_same_distributions_as_importlib() -> None:
    from importlib import metadata

    found = {module: [dist.metadata["Name"] for dist in dists]
             for module, dists in stamp._providers().items()}
    assert found == metadata.packages_distributions()
