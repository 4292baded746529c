"""The benchmark's generators and converter work (no timing here: timings belong in bench/)."""

from __future__ import annotations

from pathlib import Path

from bench.convert import bare_config, bare_project
from bench.course import edit_snippet, labkit_root, make_course
from labkit import catalog, outputs
from tests.support import build


def test_a_tiny_course_builds_and_its_bare_copy_shows_the_same_code(tmp_path: Path) -> None:
    course = make_course(tmp_path / "course", 5)
    with labkit_root(course):
        snippets = catalog.snippets()
        assert len(snippets) == 25 and len(catalog.exercises()) == 5
        assert all(outputs.fresh(s).text for s in snippets)  # real headers, real hashes
    result = build(course)
    assert result.returncode == 0, result.stderr
    bare = bare_project(course, tmp_path / "bare")
    config = (bare / "mkdocs.yml").read_text()
    assert "hooks/lab.py" not in config and "labkit.extension" not in config
    page = (bare / "docs" / "ch00" / "p0002.md").read_text()
    assert "@snippet" not in page and "@output" not in page and "/// quiz" not in page
    assert "P0002_S3 1" in page and 'counts = Counter(text.split())' in page
    result = build(bare)
    assert result.returncode == 0, result.stderr
    html = (bare / "site" / "ch00" / "p0002" / "index.html").read_text()
    assert "P0002_S1 1" in html and "lab-run" in html


def test_an_edited_snippet_keeps_fresh_outputs(tmp_path: Path) -> None:
    course = make_course(tmp_path / "course", 1)
    edit_snippet(course, "ch00/p0001_s1.py", "edited")
    with labkit_root(course):
        snippet = catalog.find_snippet("ch00.p0001_s1")
        assert snippet.path.read_text().endswith("# edited\n")
        assert outputs.fresh(snippet).text.startswith("THE 3")


def test_bare_config_drops_only_the_hooks_and_the_extension() -> None:
    config = ("hooks:\n  - hooks/lab.py\n\nplugins:\n  - search\nx:\n  - labkit.extension\n"
              "  - labkit.glossary\n  - toc\n")
    assert bare_config(config) == "plugins:\n  - search\nx:\n  - labkit.glossary\n  - toc\n"
