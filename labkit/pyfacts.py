"""What labkit reads from a Python file (its imports, its module constants, its docstring),
found once per version of the file and kept on disk between builds.

Parsing the snippets was the largest part of what labkit adds to a build: about 300 files,
for their imports (a recorded output is stamped with the hash of everything a snippet
imports) and their constants (`ENGINES`, `DEPENDS`, ...). These facts depend only on a
file's text, so each is stored with the SHA-256 of that text, in
`.cache/labkit/pyfacts.json` under the project root (`LAB_CACHE` names another folder). A
file whose text changed has another hash, so it is parsed again; an unchanged one is not,
in this build or the next. Deleting the folder is always safe.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from labkit import paths
from labkit.errors import read_text
from labkit.filecache import CACHE_SIZE, per_build

CONSTANTS = ("ENGINES", "DEPENDS", "TIMEOUT", "MEMORY_MB")
"""The module constants labkit reads (see `labkit.catalog.Snippet`)."""

FORMAT = f"labkit-pyfacts 1, Python {sys.version_info[0]}.{sys.version_info[1]}"
"""Written into the file; a file with another value (an older labkit, another Python, whose
parser may accept other syntax) is ignored."""

NOT_LITERAL = "not a literal"


@dataclass(frozen=True)
class Import:
    """One import statement: `import a.b` is `Import(0, None, ("a.b",), False)`, and
    `from ..x import y` is `Import(2, "x", ("y",), True)`."""

    level: int
    module: str | None
    names: tuple[str, ...]
    is_from: bool


@dataclass(frozen=True)
class Constant:
    """A top-level assignment to one of `CONSTANTS`: its line and its literal value (or
    `error` when the value is not a literal)."""

    line: int
    value: Any = None
    error: str = ""


@dataclass(frozen=True)
class Facts:
    """What labkit needs from one version of a Python file."""

    imports: tuple[Import, ...]
    constants: dict[str, Constant]
    docstring: str | None

    def to_json(self) -> dict[str, Any] | None:
        """A JSON-ready form, or None when a constant's value has no JSON form (a set)."""
        constants = {}
        for name, constant in self.constants.items():
            if not _plain(constant.value):
                return None
            constants[name] = [constant.line, constant.value, constant.error]
        return {
            "imports": [[i.level, i.module, list(i.names), i.is_from] for i in self.imports],
            "constants": constants,
            "docstring": self.docstring,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Facts:
        """The facts `to_json` wrote (lists read back as tuples)."""
        return cls(
            tuple(Import(level, module, tuple(names), is_from)
                  for level, module, names, is_from in data["imports"]),
            {name: Constant(line, _tuples(value), error)
             for name, (line, value, error) in data["constants"].items()},
            data["docstring"],
        )


def _plain(value: object) -> bool:
    if isinstance(value, list | tuple):
        return all(_plain(item) for item in value)
    return value is None or isinstance(value, str | int | float | bool)


def _tuples(value: object) -> object:
    """JSON gives lists where `ast.literal_eval` gave tuples."""
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value


def _statements(body: list[ast.stmt]):  # type: ignore[no-untyped-def]
    """Every statement in `body` and in the blocks nested in it (functions, classes, `if`,
    `try`, `with`, `match`...), without visiting expressions: imports are statements."""
    todo = list(reversed(body))
    while todo:
        node = todo.pop()
        yield node
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            block = getattr(node, field, None)
            if isinstance(block, list):
                todo.extend(reversed(block))


@lru_cache(maxsize=CACHE_SIZE)
def parse(path: str, text: str) -> Facts:
    """The facts of `text`, the contents of the file `path` (kept in memory by that text).

    The syntax tree itself is dropped as soon as the facts are out: nothing else needs it,
    and `mkdocs serve` would otherwise hold a tree for every version of every file it saw.

    Raises:
        SyntaxError: if `text` is not valid Python (not cached: the next call raises again).
    """
    tree = ast.parse(text, filename=path)
    imports: list[Import] = []
    for node in _statements(tree.body):
        if isinstance(node, ast.Import):
            imports.append(Import(0, None, tuple(a.name for a in node.names), False))
        elif isinstance(node, ast.ImportFrom):
            imports.append(Import(node.level, node.module,
                                  tuple(a.name for a in node.names), True))
    constants: dict[str, Constant] = {}
    for node in tree.body:
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            name = target.id if isinstance(target, ast.Name) else ""
            if name in CONSTANTS and name not in constants:
                try:
                    constants[name] = Constant(node.lineno, ast.literal_eval(node.value))
                except ValueError:
                    constants[name] = Constant(node.lineno, error=NOT_LITERAL)
    return Facts(tuple(imports), constants, ast.get_docstring(tree))


class _Store:
    """The facts of one project's files: in memory, and on disk between processes."""

    def __init__(self, file: Path, root: Path) -> None:
        self.file, self.root = file, root
        self.entries: dict[str, tuple[str, Facts]] = {}  # relative path -> (sha256, facts)
        self.changed = False
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                for name, (digest, facts) in data["files"].items():
                    self.entries[name] = (digest, Facts.from_json(facts))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no cache yet, or an unreadable one: it is only a cache

    def facts(self, path: Path, text: str) -> Facts:
        digest = hashlib.sha256(text.encode()).hexdigest()
        try:
            name = path.relative_to(self.root).as_posix()
        except ValueError:
            return parse(str(path), text)  # outside the project: not stored
        stored = self.entries.get(name)
        if stored is not None and stored[0] == digest:
            return stored[1]
        facts = parse(str(path), text)
        if facts.to_json() is not None:
            self.entries[name] = (digest, facts)
            self.changed = True
        return facts

    def save(self) -> None:
        """Write the store if it changed: atomically (builds may run side by side), and
        without the files that no longer exist."""
        if not self.changed:
            return
        self.changed = False
        files = {name: [digest, facts.to_json()]
                 for name, (digest, facts) in sorted(self.entries.items())
                 if (self.root / name).is_file()}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps({"format": FORMAT, "files": files}, separators=(",", ":"))
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.file.parent,
                                             suffix=".tmp", delete=False) as out:
                out.write(text)  # json.dumps: C-encoded at once; json.dump streams in Python
            os.replace(out.name, self.file)
        except OSError:
            pass  # a read-only checkout builds too, just without the cache


_stores: dict[Path, _Store] = {}


def cache_file() -> Path:
    """Where the facts of the current project (`labkit.paths.ROOT`) are kept."""
    folder = os.environ.get("LAB_CACHE")
    base = Path(folder) if folder else paths.ROOT / ".cache" / "labkit"
    return base / "pyfacts.json"


def _store() -> _Store:
    file = cache_file()
    if file not in _stores:
        _stores[file] = _Store(file, paths.ROOT)
    return _stores[file]


@per_build
def of(path: Path) -> Facts:
    """The facts of the Python file `path`; read once per build (files do not change while
    one runs), and once per call outside a build. Only files under the project root (named
    by an absolute path) are stored on disk; others are parsed and kept in memory.

    Raises:
        LabError: if the file is not UTF-8.
        SyntaxError: if it is not valid Python.
    """
    return _store().facts(path, read_text(path))


def save() -> None:
    """Keep what this process learned for the next one (the hooks call it after a build)."""
    for store in _stores.values():
        store.save()
