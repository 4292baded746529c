"""Where things live: the repository root, snippets, outputs and pages."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository root (the folder holding `mkdocs.yml`)."""

SNIPPETS = ROOT / "snippets"
"""The `snippets` package: `snippets/<chapter>/<topic>.py`."""

DOCS = ROOT / "docs"
"""The pages of the site."""

OUTPUTS_DIR = "_outputs"
"""Name of the folder, inside each chapter package, that holds recorded outputs."""


def display_path(path: Path | str) -> str:
    """Return `path` relative to the repository root when it lies inside it."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(ROOT).as_posix()
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
