"""Helpers shared by the tests: real servers, throwaway projects and strict builds."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from labkit import db, paths

REPO = Path(__file__).resolve().parent.parent


def demo_snippet(project: Path) -> Path:
    """`snippets/demo/hello.py` (empty) beside `snippets/demo/_shared.py`, in `project`
    (a throwaway root, see the `project` fixture)."""
    chapter = project / "snippets" / "demo"
    chapter.mkdir()
    (chapter / "__init__.py").write_text('"""Demo."""\n')
    (chapter / "_shared.py").write_text("X = 1\n")
    return chapter / "hello.py"


def recorded_demo(project: Path) -> Any:
    """The `demo_snippet`, importing `_shared`, with an output recorded for it."""
    from labkit import catalog, outputs
    from labkit.runner import RunResult

    path = demo_snippet(project)
    path.write_text("from snippets.demo import _shared\n")
    snippet = catalog.Snippet(path)
    outputs.write(RunResult(snippet, "sqlite", "1\n", ""))
    return snippet


@contextlib.contextmanager
def one_build() -> Iterator[None]:
    """What the hooks do around a build: results that read several files are kept inside."""
    from labkit import filecache

    filecache.begin_build()
    try:
        yield
    finally:
        filecache.end_build()


def rows(conn: Any, sql: str) -> list[tuple[Any, ...]]:
    """Run `sql` on a DB-API connection and return the rows as tuples."""
    cursor = conn.cursor()
    cursor.execute(sql)
    return [tuple(row) for row in cursor.fetchall()]


def require_server(engine_name: str) -> None:
    """Skip when the engine's server is unreachable; fail instead when `CI` is set."""
    reason = db.reachable(db.ENGINES[engine_name])
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI is set: CI must run against real servers")
    pytest.skip(f"{reason} (start it, or point {db.ENGINES[engine_name].url_env} at one)")


def require_browser() -> None:
    """Skip when Debian's chromium is missing; fail instead when `CI` is set."""
    from labkit import browser

    reason = browser.missing()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI is set")
    pytest.skip(reason)


LESSON = """\
---
title: {title}
objectives:
  - Explain one thing
  - Measure another thing
  - Write a third thing
prerequisites: []
difficulty: beginner
time: 5 min
description: What the page {title} teaches, in one sentence for search results and previews.
---
"""


QUIZ = "\n/// quiz\n" + "".join(
    f"Q: Question {n}?\n+ Right :: Because.\n- Wrong :: Because not.\n" for n in range(1, 6)
) + "///\n"
"""A valid five-question quiz, for lesson pages in throwaway projects."""


def make_project(root: Path, pages: dict[str, str], files: dict[str, str] | None = None) -> Path:
    """Write a small project (the real config, hooks and theme) with the given pages and files.

    Args:
        root: An empty folder.
        pages: Page path under `docs/` -> Markdown (front matter included).
        files: Other files (snippets, outputs) by path relative to `root`.
    """
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    nav = "nav:\n" + "".join(f"  - {page}\n" for page in pages)
    config = re.sub(r"^nav:\n(?:  .*\n)+", nav, config, flags=re.M)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("hooks", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "docs").mkdir()
    (root / "docs" / "assets").symlink_to(REPO / "docs" / "assets")
    (root / "labkit").symlink_to(REPO / "labkit")  # watched by mkdocs.yml
    (root / "snippets").mkdir()
    (root / "snippets" / "__init__.py").write_text('"""Test snippets."""\n')
    for name, text in {**pages, **(files or {})}.items():
        target = root / "docs" / name if name in pages else root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def build(
    root: Path, out: Path | None = None, tool: str = "mkdocs"
) -> subprocess.CompletedProcess[str]:
    """Strict build of the project at `root` into `out` (default `root/site`).

    Args:
        root: The project (the repository itself, or one made by `make_project`).
        out: The folder to build into.
        tool: `mkdocs` or its drop-in fork `properdocs`.
    """
    env = {**os.environ, "LAB_ROOT": str(root), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", tool, "build", "--strict", "-d", str(out or root / "site")],
        cwd=root, env=env, capture_output=True, text=True, timeout=600, check=False,
    )


def record(root: Path, name: str) -> None:
    """Record a snippet's output in the project at `root`, in this process."""
    from labkit import catalog, outputs, runner

    old = paths.ROOT
    paths.use_root(root)
    try:
        outputs.write(runner.run(catalog.find_snippet(name)))
    finally:
        paths.use_root(old)


def leftovers(folder: Path) -> list[str]:
    """What a test left behind: processes whose `LAB_ROOT` or working directory lies in
    `folder`, and anything in `folder / "tmp"` (the temporary folder tests are given)."""
    found = []
    inside = str(folder.resolve())
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            environ = (proc / "environ").read_bytes().split(b"\0")
            cwd = os.readlink(proc / "cwd")
            state = (proc / "stat").read_text().rpartition(")")[2].split()[0]
        except (OSError, IndexError):
            continue  # gone, or not ours to read
        roots = [e[len(b"LAB_ROOT="):].decode() for e in environ if e.startswith(b"LAB_ROOT=")]
        if int(proc.name) != os.getpid() and state != "Z" and any(
            p == inside or p.startswith(inside + "/") for p in [cwd, *roots]
        ):
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            found.append(f"process {proc.name}: {command}")
    tmp = folder / "tmp"
    if tmp.is_dir():
        found += [f"file {p}" for p in sorted(tmp.iterdir())]
    return found
