"""What a snippet imports, read from its source (nothing is executed)."""

from __future__ import annotations

from pathlib import Path

from labkit import paths, pyfacts
from labkit.filecache import per_build


def _names(path: Path) -> tuple[str, ...]:
    """Dotted names imported by the resolved file `path`."""
    package = path.relative_to(paths.ROOT).parent.parts
    names: list[str] = []
    for found in pyfacts.of(path).imports:
        if not found.is_from:
            names.extend(found.names)
            continue
        base = list(package[: len(package) - found.level + 1]) if found.level else []
        module = ".".join([*base, *(found.module or "").split(".")]).strip(".")
        names.append(module)
        names.extend(f"{module}.{name}" for name in found.names)
    return tuple(names)


def imported_names(path: Path) -> tuple[str, ...]:
    """Dotted names imported by `path` (relative imports made absolute)."""
    return _names(paths.resolved(path))


@per_build
def local_files(path: Path) -> frozenset[Path]:
    """`path` and every module of the `snippets` package it imports, transitively (found
    once per build: a module a whole chapter imports is not read again for each snippet)."""
    seen: set[Path] = set()
    todo = [paths.resolved(path)]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name in _names(current):
            if name.split(".")[0] != "snippets":
                continue
            stem = paths.ROOT.joinpath(*name.split("."))  # ROOT is resolved: no need again
            for candidate in (stem.with_suffix(".py"), stem / "__init__.py"):
                if candidate.is_file():
                    todo.append(candidate)
    return frozenset(seen)


def third_party(paths: set[Path]) -> set[str]:
    """Top-level names of modules outside the standard library and this project."""
    import sys

    names = {
        name.split(".")[0]
        for path in paths
        for file in local_files(path)
        for name in _names(file)
    }
    local = {"snippets", "labkit"}
    return {n for n in names if n not in sys.stdlib_module_names and n not in local}
