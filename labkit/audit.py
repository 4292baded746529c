"""Static analysis of the project's own code with bandit, and the rules for vulnerable examples.

The course shows attacks, so some code is insecure on purpose. The rules that keep that
honest:

- deliberately vulnerable code lives in functions or classes whose names end in
  `_vulnerable`, and the module lists them in a literal `VULNERABLE = ("name", ...)`;
- a bandit finding is accepted only inside such a listed function, or when it is recorded,
  with a reason, in the reviewed-findings file (`tests/bandit_reviewed.toml`);
- everything else is a failure, reported as `file:line` with the fix.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from labkit import paths

SUFFIX = "_vulnerable"
REVIEWED = Path("tests/bandit_reviewed.toml")
SKIPPED_TESTS = ("B101", "B404")
"""Bandit checks skipped everywhere, with the reason in the reviewed-findings file."""


@dataclass(frozen=True)
class Finding:
    """One bandit finding, with the function or class it sits in."""

    path: str  # relative to the repository root, with forward slashes
    line: int
    test_id: str
    severity: str
    message: str
    where: str  # innermost enclosing def/class ("<module>" at top level)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.test_id} ({self.severity}) in {self.where}: " \
               f"{self.message}"


@dataclass(frozen=True)
class Reviewed:
    """A finding a person looked at and accepted, with the reason."""

    path: str
    test: str
    where: str
    reason: str

    def matches(self, finding: Finding) -> bool:
        return (finding.path, finding.test_id, finding.where) == (self.path, self.test, self.where)


def run_bandit(targets: Iterable[str], root: Path | None = None) -> list[Finding]:
    """Run bandit over `targets` (paths relative to the root) and return its findings."""
    root = root or paths.ROOT
    command = [sys.executable, "-m", "bandit", "-q", "-r", "-f", "json",
               "--skip", ",".join(SKIPPED_TESTS), *targets]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True,  # nosec B603
                            timeout=300, check=False)
    if result.returncode not in (0, 1) or not result.stdout.strip():
        raise RuntimeError(f"bandit failed ({result.returncode}): {result.stderr.strip()}")
    report = json.loads(result.stdout)
    if report.get("errors"):
        raise RuntimeError(f"bandit could not read: {report['errors']}")
    findings = []
    for item in report["results"]:
        path = Path(item["filename"])
        relative = (path if not path.is_absolute() else path.relative_to(root)).as_posix()
        findings.append(Finding(
            path=relative.removeprefix("./"), line=item["line_number"],
            test_id=item["test_id"], severity=item["issue_severity"],
            message=item["issue_text"], where=enclosing(root / relative, item["line_number"]),
        ))
    return sorted(findings, key=lambda f: (f.path, f.line, f.test_id))


def enclosing(path: Path, line: int) -> str:
    """The dotted name of the innermost def or class around `line` (`"<module>"` if none)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []

    def visit(node: ast.AST, trail: list[str]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                start = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                if start <= line <= (child.end_lineno or child.lineno):
                    names[:] = [*trail, child.name]
                    visit(child, [*trail, child.name])
                    return
            else:
                visit(child, trail)

    visit(tree, [])
    return ".".join(names) or "<module>"


def declared_vulnerable(path: Path) -> tuple[str, ...]:
    """The names a module lists in its `VULNERABLE` constant (empty if it has none)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "VULNERABLE" for t in node.targets
        ):
            return tuple(ast.literal_eval(node.value))
    return ()


def defined_vulnerable(path: Path) -> Iterator[tuple[str, int]]:
    """(name, line) of every def or class in `path` whose name ends in `_vulnerable`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        is_named = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        if is_named and node.name.endswith(SUFFIX):
            yield node.name, node.lineno


def load_reviewed(root: Path | None = None) -> list[Reviewed]:
    """The reviewed findings, from `tests/bandit_reviewed.toml`."""
    data = tomllib.loads(((root or paths.ROOT) / REVIEWED).read_text(encoding="utf-8"))
    return [Reviewed(**entry) for entry in data.get("finding", [])]


def accepted(finding: Finding, reviewed: list[Reviewed], root: Path | None = None) -> bool:
    """Whether a finding sits in a declared vulnerable example or was reviewed."""
    declared = declared_vulnerable((root or paths.ROOT) / finding.path)
    if any(part.endswith(SUFFIX) and part in declared for part in finding.where.split(".")):
        return True
    return any(entry.matches(finding) for entry in reviewed)
