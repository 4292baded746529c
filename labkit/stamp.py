"""The "Tested with" line: versions of Python and of the libraries a page's snippets use."""

from __future__ import annotations

import csv
import platform
from collections import defaultdict
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from labkit.filecache import per_build
from labkit.imports import third_party

ENGINE_DRIVERS = {"postgresql": "psycopg", "mariadb": "pymysql", "redis": "redis"}


def _top_level(dist: metadata.Distribution) -> list[str]:
    """The top-level modules `dist` installs, as `importlib.metadata.packages_distributions`
    finds them (its `top_level.txt`, else the `.py` files of its `RECORD`), but read with
    string operations: building a path object for every file a distribution lists took a
    quarter of a second per build."""
    declared = (dist.read_text("top_level.txt") or "").split()
    if declared:
        return declared
    record = dist.read_text("RECORD")
    if record is None:  # an old-style install: let importlib list its files
        return [f.parts[0] if len(f.parts) > 1 else f.with_suffix("").name
                for f in dist.files or () if f.suffix == ".py"]
    found = set()
    for row in csv.reader(record.splitlines()):
        if row and row[0].endswith(".py"):
            first, _, rest = row[0].partition("/")
            found.add(first if rest else first.removesuffix(".py"))
    return sorted(found)


@lru_cache(maxsize=1)
def _providers() -> dict[str, list[metadata.Distribution]]:
    """Installed distributions by the top-level module they provide (read once per process)."""
    found: dict[str, list[metadata.Distribution]] = defaultdict(list)
    for dist in metadata.distributions():
        for module in _top_level(dist):
            found[module].append(dist)
    return dict(found)


def versions(paths: set[Path], engines: set[str] = frozenset()) -> list[tuple[str, str]]:
    """`(distribution, version)` for every third-party library the files import.

    Args:
        paths: Snippet files shown on a page.
        engines: Engines they run on; each adds its driver (imported by `labkit.db`).
    """
    python = {path for path in paths if path.suffix == ".py"}  # a page may show .js, .java …
    modules = {m for path in python for m in _imports_of(path)}
    modules |= {ENGINE_DRIVERS[e] for e in engines if e in ENGINE_DRIVERS}
    found = dict(pair for module in modules for pair in _module_versions(module))
    return sorted(found.items(), key=lambda item: item[0].lower())


@per_build
def _imports_of(path: Path) -> frozenset[str]:
    """Third-party modules `path` and the modules it imports use (once per build: a module
    shared by a chapter's snippets is shown on many pages)."""
    return frozenset(third_party({path}))


@lru_cache(maxsize=1024)
def _module_versions(module: str) -> tuple[tuple[str, str], ...]:
    """`(distribution, version)` of what provides `module` (looked up once per process)."""
    return tuple((dist.metadata["Name"], dist.version) for dist in _providers().get(module, []))


def line(paths: set[Path], engines: set[str] = frozenset()) -> str:
    """`Python 3.11.7 · SQLAlchemy 2.1.9 · …`"""
    parts = [f"Python {platform.python_version()}"]
    parts += [f"{name} {version}" for name, version in versions(paths, engines)]
    return " · ".join(parts)
