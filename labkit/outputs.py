"""Recorded outputs: one file per snippet (and engine), stamped with the source's hash.

A recorded output lives in `snippets/<chapter>/_outputs/<topic>.txt` (or
`<topic>.<engine>.txt` for an engine other than SQLite). Its header names the command,
the SHA-256 of the source it came from and what it was recorded on; the rest is
exactly what the snippet printed. The build refuses an output whose hash no longer
matches the source.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import platform
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from labkit import measure, paths, runner
from labkit.catalog import Snippet
from labkit.errors import LabError, read_text
from labkit.filecache import per_build
from labkit.imports import local_files
from labkit.paths import OUTPUTS_DIR, run_command
from labkit.runner import RunResult

HEADER_END = "# ---- output ----"
MAX_LINES = 200
"""Most lines a recorded output may have (the longest of the first 194 outputs: 65)."""
MAX_BYTES = 20_000
"""Most bytes a recorded output may have (the largest of the first 194 outputs: 3,078)."""


def record_command(snippet: Snippet, engine: str = "sqlite") -> str:
    """The one command that (re)records a snippet's output."""
    flag = "" if engine == "sqlite" else f" --engine {engine}"
    return f"python -m snippets record {snippet.name}{flag}"


def engine_prefix(engine: str) -> str:
    """What goes before the run command to pick `engine` (nothing for SQLite)."""
    return "" if engine == "sqlite" else f"LAB_ENGINE={engine} "


def output_path(snippet: Snippet, engine: str = "sqlite") -> Path:
    """Where the output of `snippet` on `engine` is stored."""
    suffix = ".txt" if engine == "sqlite" else f".{engine}.txt"
    return snippet.path.parent / OUTPUTS_DIR / f"{snippet.path.stem}{suffix}"


@per_build
def source_hash(path: Path) -> str:
    """SHA-256 of a snippet, every `snippets` module it imports (transitively) and the
    files it declares in `DEPENDS`. Computed once per build (`filecache.per_build`): a page
    that shows a snippet's output on three engines, or a module imported by a whole chapter,
    is not hashed again for every box."""
    digest = hashlib.sha256()
    for file in sorted(local_files(path) | set(Snippet(path).depends)):
        digest.update(file.relative_to(paths.ROOT).as_posix().encode() + b"\0")
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class Recorded:
    """A stored output, parsed."""

    path: Path
    source_sha256: str
    recorded_on: str
    text: str


def machine() -> str:
    """What a run was recorded on, for pages that show measured figures."""
    return (
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs"
    )


def render(result: RunResult) -> str:
    """The file content for a fresh run."""
    header = [
        f"# output of: {engine_prefix(result.engine)}{run_command(result.snippet.module)}",
        f"# engine: {result.engine}",
        f"# source sha256: {source_hash(result.snippet.path)}",
        f"# recorded on: {machine()}",
        f"# regenerate: {record_command(result.snippet, result.engine)}",
        HEADER_END,
    ]
    return "\n".join(header) + "\n" + result.stdout


def read(snippet: Snippet, engine: str = "sqlite") -> Recorded:
    """Load the stored output of `snippet` on `engine`.

    Raises:
        LabError: if there is none, or its header is damaged.
    """
    path = output_path(snippet, engine)
    fix = f"record it: {record_command(snippet, engine)}"
    if not path.is_file():
        raise LabError(path, 0, f"no recorded output for {snippet.name} on {engine}", fix)
    head, sep, body = read_text(path).partition(HEADER_END + "\n")
    fields = dict(
        line[2:].split(": ", 1)
        for line in head.splitlines()
        if line.startswith("# ") and ": " in line
    )
    if not sep or "source sha256" not in fields:
        raise LabError(path, 1, "recorded output has no valid header", fix)
    return Recorded(path, fields["source sha256"], fields.get("recorded on", "?"), body)


def fresh(snippet: Snippet, engine: str = "sqlite") -> Recorded:
    """The stored output, checked against the current source.

    Raises:
        LabError: if it is missing, damaged, or stale (the source changed since).
    """
    recorded = read(snippet, engine)
    if recorded.source_sha256 != source_hash(snippet.path):
        raise LabError(
            recorded.path, 3,
            f"recorded output of {snippet.name} on {engine} is stale: "
            f"{snippet.path.relative_to(paths.ROOT)} (or a module it imports) changed since",
            f"re-record it: {record_command(snippet, engine)}",
        )
    return recorded


def difference(stored: str, produced: str) -> str:
    """A unified diff of two outputs, measured values masked; empty if they agree."""
    a, b = measure.mask(stored), measure.mask(produced)
    if a == b:
        return ""
    return "".join(
        difflib.unified_diff(
            a.splitlines(keepends=True), b.splitlines(keepends=True), "recorded", "this run"
        )
    )


def record(snippet: Snippet, engine: str = "sqlite") -> bool:
    """Run a snippet twice, refuse output that changes between runs, and store it.

    Returns:
        False if the stored output already agreed (nothing written).

    Raises:
        LabError: if the snippet fails, its output is not deterministic, shows today's
            date, or is longer than `MAX_LINES` lines or `MAX_BYTES` bytes.
    """
    first, second = runner.run(snippet, engine), runner.run(snippet, engine)
    changed = difference(first.stdout, second.stdout)
    if changed:
        raise LabError(
            snippet.path, 0, f"{snippet.name} prints something different on each run",
            "pin what varies (a time, a random value, an id, a dict of sets?); print timings "
            "through labkit.measure.measured()", detail=changed,
        )
    today = date.today()
    for shown in {today.isoformat(), today.strftime("%d/%m/%Y"), today.strftime("%m/%d/%Y")}:
        if shown in first.stdout:
            raise LabError(snippet.path, 0, f"{snippet.name} prints today's date ({shown})",
                           "print a fixed date instead: the output would be stale tomorrow")
    size = (len(first.stdout.splitlines()), len(first.stdout.encode()))
    if size[0] > MAX_LINES or size[1] > MAX_BYTES:
        raise LabError(snippet.path, 0, f"{snippet.name} prints {size[0]} lines ({size[1]:,} "
                       f"bytes); a recorded output holds at most {MAX_LINES} lines and "
                       f"{MAX_BYTES:,} bytes",
                       "print less: a page shows what a reader can read (a count, the first "
                       "rows, a summary)")
    return write(first)


def write(result: RunResult) -> bool:
    """Store a run's output; return False if the stored one already agrees (no churn)."""
    path = output_path(result.snippet, result.engine)
    try:
        current = fresh(result.snippet, result.engine)
        if not difference(current.text, result.stdout):
            return False
    except LabError:
        pass
    path.parent.mkdir(exist_ok=True)
    path.write_text(render(result), encoding="utf-8")
    return True
