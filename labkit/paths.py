"""Where things live: the repository root, snippets, outputs and pages."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

ROOT = Path(os.environ.get("LAB_ROOT") or Path(__file__).resolve().parent.parent).resolve()
"""The repository root (the folder holding `mkdocs.yml`); `LAB_ROOT` overrides it (tests)."""

SNIPPETS = ROOT / "snippets"
"""The `snippets` package: `snippets/<chapter>/<topic>.py`."""

DOCS = ROOT / "docs"
"""The pages of the site."""


def use_root(root: Path) -> None:
    """Point labkit at another project tree (the tests build small sites of their own)."""
    global ROOT, SNIPPETS, DOCS
    ROOT = root.resolve()
    SNIPPETS = ROOT / "snippets"
    DOCS = ROOT / "docs"

OUTPUTS_DIR = "_outputs"
"""Name of the folder, inside each chapter package, that holds recorded outputs."""


def resolved(path: Path) -> Path:
    """`path.resolve()`, remembered for the process when `path` is absolute: resolving asks
    the file system about every folder on the way, and a build resolves the same few hundred
    paths thousands of times. (A file turned into a symbolic link while `mkdocs serve` runs
    is seen as such after a restart.)"""
    return _resolved(path) if path.is_absolute() else path.resolve()


@lru_cache(maxsize=16384)
def _resolved(path: Path) -> Path:
    return path.resolve()


def display_path(path: Path | str) -> str:
    """Return `path` relative to the repository root when it lies inside it."""
    try:
        return resolved(Path(path)).relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def module_name(path: Path) -> str:
    """`snippets/tour/hello.py` -> `snippets.tour.hello`."""
    relative = path.resolve().relative_to(ROOT).with_suffix("")
    return ".".join(relative.parts)


def snippet_path(ref: str) -> Path:
    """Resolve a page's reference (`tour/hello.py`) to the file under `snippets/`."""
    return SNIPPETS / ref


def run_command(module: str) -> str:
    """The command a reader types to run a snippet module."""
    return f"python -m {module}"
