"""Course-wide checks: every snippet and exercise is shown, every recorded output belongs to a
snippet, every lesson has a quiz."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from labkit import catalog, outputs, paths, quiz
from labkit.errors import LabError
from labkit.imports import local_files

DIRECTIVE = re.compile(r"^\s*@(snippet|output|exercise)\s+(\S+)")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
MIN_QUESTIONS = 5


def _body_lines(text: str) -> Iterable[tuple[int, str]]:
    """Numbered lines outside fenced code blocks."""
    fence = ""
    for number, line in enumerate(text.splitlines(), start=1):
        opened = FENCE.match(line)
        if opened and (not fence or opened.group(1).startswith(fence)):
            fence = "" if fence else opened.group(1)
            continue
        if not fence:
            yield number, line


def _text(page: Path) -> str:
    """The page's text; a byte that is not UTF-8 is reported by the front matter check."""
    return page.read_bytes().decode("utf-8", "replace")


def references(pages: Iterable[Path]) -> tuple[set[Path], set[str]]:
    """Snippet files and exercise names that the pages embed."""
    files: set[Path] = set()
    names: set[str] = set()
    for page in pages:
        for _, line in _body_lines(_text(page)):
            if match := DIRECTIVE.match(line):
                kind, target = match.groups()
                if kind == "exercise":
                    names.add(target)
                else:
                    files.add(paths.resolved(paths.SNIPPETS / target.split("#")[0]))
    return files, names


def dependencies(page: Path, closures: dict[Path, set[Path]] | None = None) -> set[Path]:
    """Every file whose contents the page's rendering reads: the snippet files it shows (and
    the modules they import, which the "Tested with" line names), for an `@output` also the
    recorded outputs and `DEPENDS` files, and an exercise's three files. A file that cannot be
    read or parsed counts by itself (the page shows the error).

    Args:
        page: The Markdown file.
        closures: Import closures already found (`local_files`), shared across pages.
    """
    closures = {} if closures is None else closures
    found: set[Path] = set()
    for _, line in _body_lines(_text(page)):
        if not (match := DIRECTIVE.match(line)):
            continue
        kind, target = match.groups()
        if kind == "exercise":
            try:
                exercise = catalog.find_exercise(target)
            except catalog.UnknownName:
                continue
            found |= {exercise.stub, exercise.checks, exercise.solution}
            continue
        ref = target.split("#")[0]
        path = paths.ROOT / ref[1:] if ref.startswith("/") else paths.SNIPPETS / ref
        found.add(path)
        try:
            if path.suffix == ".py" and path.is_relative_to(paths.SNIPPETS):
                if path not in closures:
                    closures[path] = local_files(path)
                found |= closures[path]
            if kind == "output":
                snippet = catalog.Snippet(path)
                found |= {*snippet.depends, *(outputs.output_path(snippet, e)
                                              for e in snippet.engines)}
        except (OSError, SyntaxError, UnicodeDecodeError, LabError):
            continue
    return found


def outdated(pages: Iterable[tuple[Path, Path]]) -> list[Path]:
    """The pages, of `(page, its HTML)` pairs, that read a file (not the page itself) changed
    since their HTML was written, so that a dirty rebuild (`mkdocs serve --dirty`) must render
    them again. A page without HTML yet is not listed: the generator builds it anyway."""
    closures: dict[Path, set[Path]] = {}
    found = []
    for page, built in pages:
        try:
            written = built.stat().st_mtime_ns
        except OSError:
            continue
        for path in dependencies(page, closures):
            try:
                changed = path.stat().st_mtime_ns > written
            except OSError:
                changed = True  # a file it shows is gone: show the error
            if changed:
                found.append(page)
                break
    return found


def unused(pages: Iterable[Path]) -> list[LabError]:
    """Snippets and exercises that no page shows, and recorded outputs of no snippet."""
    files, names = references(list(pages))
    errors = [
        LabError(s.path, 0, f"no page shows the snippet {s.name}",
                 "embed it in a page with @snippet or @output, or delete it and its outputs")
        for s in catalog.snippets() if paths.resolved(s.path) not in files
    ]
    errors += [
        LabError(e.stub, 0, f"no page offers the exercise {e.name}",
                 f"add `@exercise {e.name}` to its page, or delete the exercise")
        for e in catalog.exercises() if e.name not in names
    ]
    return errors + orphaned_outputs()


def orphaned_outputs() -> list[LabError]:
    """Files in `_outputs/` that no snippet (and engine) records: left by a rename or a delete."""
    expected: set[Path] = set()
    unreadable: set[Path] = set()  # snippets whose ENGINES cannot be read: reported elsewhere
    for snippet in catalog.snippets():
        try:
            expected.update(outputs.output_path(snippet, e) for e in snippet.engines)
        except (LabError, SyntaxError):
            unreadable.add(snippet.path.with_suffix(""))
    stored = sorted(p for c in catalog.chapters() for p in (c / paths.OUTPUTS_DIR).glob("*.txt"))
    return [
        LabError(path, 0, "recorded output of no snippet (renamed or deleted, or an engine "
                 "no longer in its ENGINES)",
                 "delete it, and record the snippet under its new name if it was renamed")
        for path in stored
        if path not in expected
        and path.parent.parent / path.name.split(".")[0] not in unreadable
    ]


def quiz_problems(page: Path) -> list[LabError]:
    """A lesson page needs a quiz of at least five questions."""
    lines = list(_body_lines(_text(page)))
    starts = [n for n, line in lines if quiz.START.match(line)]
    if not starts:
        return [LabError(page, 0, "lesson page has no quiz",
                         f"end the page with a `/// quiz` block of {MIN_QUESTIONS} questions or "
                         "more (see CONTRIBUTING.md, step 5)")]
    questions = sum(1 for _, line in lines if quiz.QUESTION.match(line.strip()))
    if questions < MIN_QUESTIONS:
        return [LabError(page, starts[0], f"the quiz has {questions} questions",
                         f"a lesson's quiz needs at least {MIN_QUESTIONS}")]
    return []
