"""Run bandit on some files and read its JSON report: the helper behind the audit snippets."""

from __future__ import annotations

import ast
import json
import subprocess  # nosec B404 # runs bandit itself, with an argument list and no shell
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from labkit import paths


@dataclass(frozen=True)
class Finding:
    """One issue bandit reported."""

    test_id: str
    test_name: str
    severity: str
    confidence: str
    path: str
    line: int
    function: str
    text: str


@dataclass(frozen=True)
class BanditReport:
    """What a bandit run found, and how many findings `# nosec` comments silenced."""

    findings: list[Finding]
    silenced: int


def enclosing_function(source: str, line: int) -> str:
    """The name of the innermost function around `line`, or "(module)"."""
    name = "(module)"
    for node in ast.walk(ast.parse(source)):
        inside = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and (
            node.lineno <= line <= (node.end_lineno or node.lineno))
        if inside:
            name = node.name  # ast.walk goes outside-in, so the last match is innermost
    return name


def run_bandit(files: Sequence[Path], *, ignore_nosec: bool = False) -> BanditReport:
    """Run `python -m bandit -f json` on `files` from the repository root.

    Paths in the report stay relative to the repository, so the output never shows where
    the repository happens to be checked out.
    """
    relative = [str(Path(f).resolve().relative_to(paths.ROOT)) for f in files]
    command = [sys.executable, "-m", "bandit", "-f", "json", "-q", *relative]
    if ignore_nosec:
        command.insert(-len(relative), "--ignore-nosec")
    # bandit exits 1 when it finds something: that is a result, not an error
    done = subprocess.run(  # nosec B603 # fixed program and argument list, no shell
        command, cwd=paths.ROOT, capture_output=True, text=True, check=False
    )
    report = json.loads(done.stdout)
    findings = []
    for item in report["results"]:
        source = (paths.ROOT / item["filename"]).read_text(encoding="utf-8")
        findings.append(Finding(
            test_id=item["test_id"], test_name=item["test_name"],
            severity=item["issue_severity"], confidence=item["issue_confidence"],
            path=Path(item["filename"]).as_posix(), line=item["line_number"],
            function=enclosing_function(source, item["line_number"]),
            text=item["issue_text"],
        ))
    return BanditReport(findings, report["metrics"]["_totals"]["skipped_tests"])
