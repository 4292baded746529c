"""The "Tested with" line: versions of Python and of the libraries a page's snippets use."""

from __future__ import annotations

import platform
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from labkit.imports import third_party

ENGINE_DRIVERS = {"postgresql": "psycopg", "mariadb": "pymysql", "redis": "redis"}


@lru_cache(maxsize=1)
def _distributions() -> dict[str, list[str]]:
    return metadata.packages_distributions()


def versions(paths: set[Path], engines: set[str] = frozenset()) -> list[tuple[str, str]]:
    """`(distribution, version)` for every third-party library the files import.

    Args:
        paths: Snippet files shown on a page.
        engines: Engines they run on; each adds its driver (imported by `labkit.db`).
    """
    python = {path for path in paths if path.suffix == ".py"}  # a page may show .js, .java …
    modules = third_party(python) | {ENGINE_DRIVERS[e] for e in engines if e in ENGINE_DRIVERS}
    found = dict(pair for module in modules for pair in _module_versions(module))
    return sorted(found.items(), key=lambda item: item[0].lower())


@lru_cache(maxsize=1024)
def _module_versions(module: str) -> tuple[tuple[str, str], ...]:
    """`(distribution, version)` of what provides `module` (looked up once per process)."""
    return tuple((dist, metadata.version(dist)) for dist in _distributions().get(module, []))


def line(paths: set[Path], engines: set[str] = frozenset()) -> str:
    """`Python 3.11.7 · SQLAlchemy 2.1.9 · …`"""
    parts = [f"Python {platform.python_version()}"]
    parts += [f"{name} {version}" for name, version in versions(paths, engines)]
    return " · ".join(parts)
