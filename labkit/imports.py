"""What a snippet imports, read from its source (nothing is executed)."""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

from labkit import paths
from labkit.filecache import parse_python


@lru_cache(maxsize=8192)
def _imported_names(path: Path, root: Path, text: str) -> tuple[str, ...]:
    """Keyed by the file's contents (and the root its package is relative to)."""
    tree = parse_python(str(path), text)
    package = path.relative_to(root).parent.parts
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            names.append(module)
            names.extend(f"{module}.{alias.name}" for alias in node.names)
    return tuple(names)


def imported_names(path: Path) -> tuple[str, ...]:
    """Dotted names imported by `path` (relative imports made absolute)."""
    resolved = path.resolve()
    return _imported_names(resolved, paths.ROOT, resolved.read_text(encoding="utf-8"))


def local_files(path: Path) -> set[Path]:
    """`path` and every module of the `snippets` package it imports, transitively."""
    seen: set[Path] = set()
    todo = [path.resolve()]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name in imported_names(current):
            if name.split(".")[0] != "snippets":
                continue
            stem = paths.ROOT.joinpath(*name.split("."))
            for candidate in (stem.with_suffix(".py"), stem / "__init__.py"):
                if candidate.is_file():
                    todo.append(candidate.resolve())
    return seen


def third_party(paths: set[Path]) -> set[str]:
    """Top-level names of modules outside the standard library and this project."""
    import sys

    names = {
        name.split(".")[0]
        for path in paths
        for file in local_files(path)
        for name in imported_names(file)
    }
    local = {"snippets", "labkit"}
    return {n for n in names if n not in sys.stdlib_module_names and n not in local}
