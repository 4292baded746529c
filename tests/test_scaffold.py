"""`python -m snippets new`: a scaffolded page builds as it stands and never overwrites."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from labkit import catalog, exercises, paths
from tests.support import build, make_project

OVERVIEW = ("---\nkind: overview\ntitle: Home\n"
            "description: The home page of a throwaway project, for testing the scaffold.\n"
            "---\n\nHello.\n")


def new(root: Path, name: str) -> subprocess.CompletedProcess[str]:
    code = f"from labkit.cli import main; raise SystemExit(main(['new', {name!r}]))"
    env = {**os.environ, "LAB_ROOT": str(root)}
    return subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


def test_a_scaffolded_page_builds_and_its_exercise_works(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", {"index.md": OVERVIEW})
    result = new(root, "demo/caching_basics")
    assert result.returncode == 0, result.stderr
    assert "created  docs/demo/caching-basics.md" in result.stdout
    assert "recorded snippets/demo/_outputs/caching_basics.txt" in result.stdout
    assert "- demo/caching-basics.md" in result.stdout

    config = root / "mkdocs.yml"
    text = re.sub(r"^nav:\n", "nav:\n  - demo/caching-basics.md\n", config.read_text(), flags=re.M)
    config.write_text(text)
    built = build(root)
    assert built.returncode == 0, built.stderr

    old = paths.ROOT
    paths.use_root(root)
    try:
        exercise = catalog.find_exercise("demo.caching_basics")
        assert not any(r.passed for r in exercises.run_checks_sandboxed(exercise))
        assert all(r.passed for r in exercises.run_checks_sandboxed(exercise, solution=True))
    finally:
        paths.use_root(old)


def test_the_scaffold_never_overwrites(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", {"index.md": OVERVIEW})
    assert new(root, "demo/caching").returncode == 0
    again = new(root, "demo/caching")
    assert again.returncode == 2
    assert "already exists; the scaffold never overwrites" in again.stderr


def test_a_bad_name_is_refused(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", {"index.md": OVERVIEW})
    result = new(root, "demo/Caching-Page")
    assert result.returncode == 2
    assert "is not a module name" in result.stderr
