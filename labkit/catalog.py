"""Find the chapters, snippets and exercises in `snippets/`, without importing them."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from labkit import paths, pyfacts
from labkit.errors import LabError

EXERCISES_DIR = "exercises"
NAME = re.compile(r"[A-Za-z0-9_]+")
DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY_MB = 2048
"""Address space a snippet may use, in megabytes (module constant `MEMORY_MB`)."""


@dataclass(frozen=True)
class Snippet:
    """A runnable module `snippets/<chapter>/<topic>.py`."""

    path: Path

    @property
    def chapter(self) -> str:
        return self.path.parent.name

    @property
    def name(self) -> str:
        """`chapter.topic`, as typed after `python -m snippets run`."""
        return f"{self.chapter}.{self.path.stem}"

    @property
    def module(self) -> str:
        return f"snippets.{self.name}"

    @cached_property
    def _facts(self) -> pyfacts.Facts:
        return pyfacts.of(self.path)

    @property
    def description(self) -> str:
        """First line of the module docstring."""
        doc = self._facts.docstring or ""
        return doc.strip().splitlines()[0] if doc.strip() else "(no docstring)"

    def _constant(self, name: str, default: object) -> object:
        constant = self._facts.constants.get(name)
        if constant is None:
            return default
        if constant.error:
            raise LabError(
                self.path, constant.line,
                f"labkit reads the module constant {name}, and it must be a literal "
                f"(like {default!r})",
                f"rename this constant if it means something else (e.g. CLIENT_{name})",
            )
        return constant.value

    @property
    def depends(self) -> tuple[Path, ...]:
        """Files the snippet reads at run time (module constant `DEPENDS`, paths relative to
        its chapter folder; a folder means every file in it). They count in the source hash."""
        found: list[Path] = []
        for entry in self._constant("DEPENDS", ()):  # type: ignore[union-attr]
            target = self.path.parent / str(entry)
            files = target.rglob("*") if target.is_dir() else [target]
            found += [f for f in files if f.is_file() and "__pycache__" not in f.parts]
        return tuple(sorted(found))

    @property
    def engines(self) -> tuple[str, ...]:
        """Engines the snippet runs on (module constant `ENGINES`; default SQLite only)."""
        return tuple(self._constant("ENGINES", ("sqlite",)))  # type: ignore[arg-type]

    @property
    def timeout(self) -> float:
        """Seconds the snippet may run (module constant `TIMEOUT`)."""
        return float(self._constant("TIMEOUT", DEFAULT_TIMEOUT))  # type: ignore[arg-type]

    @property
    def memory_mb(self) -> int:
        """Megabytes of address space the snippet may use (module constant `MEMORY_MB`)."""
        return int(self._constant("MEMORY_MB", DEFAULT_MEMORY_MB))  # type: ignore[call-overload]


@dataclass(frozen=True)
class Exercise:
    """An exercise: a stub to fill in, hidden checks, and a reference solution."""

    stub: Path

    @property
    def name(self) -> str:
        return f"{self.stub.parent.parent.name}.{self.stub.stem}"

    @property
    def checks(self) -> Path:
        return self.stub.with_name(f"{self.stub.stem}_checks.py")

    @property
    def solution(self) -> Path:
        return self.stub.with_name(f"{self.stub.stem}_solution.py")

    def module(self, solution: bool = False) -> str:
        chapter = self.stub.parent.parent.name
        suffix = "_solution" if solution else ""
        return f"snippets.{chapter}.{EXERCISES_DIR}.{self.stub.stem}{suffix}"

    @property
    def checks_module(self) -> str:
        chapter = self.stub.parent.parent.name
        return f"snippets.{chapter}.{EXERCISES_DIR}.{self.stub.stem}_checks"


def _public_py(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))


def _is_chapter(folder: Path) -> bool:
    return folder.is_dir() and (folder / "__init__.py").exists() and not folder.name.startswith("_")


def chapters(root: Path | None = None) -> list[Path]:
    """Chapter packages, in alphabetical order."""
    root = root or paths.SNIPPETS
    return sorted(p for p in root.iterdir() if _is_chapter(p))


def snippets(root: Path | None = None) -> list[Snippet]:
    """Every runnable snippet module."""
    return [Snippet(path) for chapter in chapters(root) for path in _public_py(chapter)]


def exercises(root: Path | None = None) -> list[Exercise]:
    """Every exercise (a stub with a `_checks` module beside it)."""
    found = []
    for chapter in chapters(root):
        for path in _public_py(chapter / EXERCISES_DIR):
            if not path.stem.endswith(("_checks", "_solution")):
                found.append(Exercise(path))
    return found


class UnknownName(LookupError):
    """A name that matches no snippet or exercise; carries a suggestion."""

    def __init__(self, kind: str, name: str, known: list[str]) -> None:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        listing = "python -m snippets list"
        super().__init__(f"no {kind} named '{name}'.{hint} ({listing} shows them all)")
        self.suggestion = close[0] if close else None


def _direct(name: str, root: Path | None, folder: str = "") -> Path | None:
    """The file `name` (`chapter.topic`) would be, if that file exists (no listing: a page
    names one exercise, and listing them all for each would make a build quadratic)."""
    chapter, _, stem = name.partition(".")
    if not NAME.fullmatch(chapter) or not NAME.fullmatch(stem) or stem.startswith("_"):
        return None
    folder_path = (root or paths.SNIPPETS) / chapter
    path = folder_path / folder / f"{stem}.py"
    return path if _is_chapter(folder_path) and path.is_file() else None


def find_snippet(name: str, root: Path | None = None) -> Snippet:
    """The snippet called `chapter.topic`; raises `UnknownName` otherwise."""
    if path := _direct(name, root):
        return Snippet(path)
    known = {s.name: s for s in snippets(root)}
    if name in known:
        return known[name]
    raise UnknownName("snippet", name, list(known))


def find_exercise(name: str, root: Path | None = None) -> Exercise:
    """The exercise called `chapter.name`; raises `UnknownName` otherwise."""
    stub = _direct(name, root, EXERCISES_DIR)
    if stub and not stub.stem.endswith(("_checks", "_solution")):
        return Exercise(stub)
    known = {e.name: e for e in exercises(root)}
    if name in known:
        return known[name]
    raise UnknownName("exercise", name, list(known))
