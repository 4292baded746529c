"""The build context: which files `docker build .` would send, given a .dockerignore.

Patterns follow the documented .dockerignore rules: one per line, `#` in column 1 starts a
comment, paths are relative to the context root (a leading `/` changes nothing), `*` and `?`
match within one path segment, `**` matches any number of directories, a line starting with
`!` makes an exception, and the last pattern that matches a path decides. A pattern that
matches a directory excludes everything under it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Pattern:
    """One line of a .dockerignore: its text, whether it is an exception, its regex."""

    text: str
    exception: bool
    regex: re.Pattern[str]


def _regex(glob: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[":
            end = glob.index("]", i)
            out.append(glob[i:end + 1])
            i = end + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def parse(text: str) -> list[Pattern]:
    """The patterns of a .dockerignore file's text."""
    found = []
    for raw in text.splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        line = raw.strip()
        exception = line.startswith("!")
        glob = os.path.normpath(line.lstrip("!").strip()).lstrip("/")
        found.append(Pattern(line, exception, _regex(glob)))
    return found


def excluded(path: str, patterns: list[Pattern]) -> bool:
    """Whether the context-relative `path` (with `/`) is kept out of the context."""
    parts = path.split("/")
    prefixes = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    verdict = False
    for pattern in patterns:
        if any(pattern.regex.match(prefix) for prefix in prefixes):
            verdict = not pattern.exception
    return verdict


def files(root: Path, patterns: list[Pattern]) -> Iterator[tuple[str, int]]:
    """Every file in the context as (relative path, size in bytes), in sorted order."""
    prune = not any(pattern.exception for pattern in patterns)
    for folder, dirs, names in os.walk(root):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        rel_folder = "" if rel_folder == "." else rel_folder + "/"
        if prune:
            dirs[:] = [d for d in dirs if not excluded(rel_folder + d, patterns)]
        dirs.sort()
        for name in sorted(names):
            rel = rel_folder + name
            if not excluded(rel, patterns):
                yield rel, os.lstat(os.path.join(folder, name)).st_size


def read(root: Path) -> list[Pattern]:
    """The patterns of `root/.dockerignore` (none if there is no such file)."""
    path = root / ".dockerignore"
    return parse(path.read_text(encoding="utf-8")) if path.exists() else []
