"""Check the front matter every page starts with.

A lesson page declares:

```yaml
---
title: Indexing
description: Read a query plan, choose a composite index and measure what an index costs on writes.
objectives:
  - Read a query plan and say whether it uses an index
  - Measure what an index costs on writes
  - Choose the column order of a composite index
prerequisites: [databases/sql.md]
difficulty: intermediate
time: 25 min
---
```

Overview pages (the home page, chapter indexes, the reference) declare
`kind: overview` and need only `title` and `description`. Every page's `description` is one
sentence of 50 to 160 characters: search engines and link previews show it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from labkit.errors import LabError, read_text
from labkit.paths import display_path

DIFFICULTIES = ("beginner", "intermediate", "advanced")
TIME = re.compile(r"^\d{1,3} min$")
LESSON_FIELDS = ("title", "description", "objectives", "prerequisites", "difficulty", "time")
OVERVIEW_FIELDS = ("title", "description")
OPTIONAL = ("kind", "hide", "search", "status", "icon", "template")
EXAMPLE = "see CONTRIBUTING.md, step 3 (Write the page)"
UNIQUE = {
    "title": "give each page a title of its own (say what this page adds)",
    "description": "give each page a description of its own (say what this page teaches)",
}
"""The fields no two pages may share, and the fix for a repeat."""
DESCRIPTION_LENGTH = (50, 160)
"""Shortest and longest `description`, in characters: shorter says too little in a search
result, longer is cut off there."""
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML has it (several times faster), else the Python one."""
DESCRIPTION_FIX = ("add `description:` right after `title:`: one sentence of 50 to 160 "
                   "characters on what the reader learns or does on this page (search "
                   "engines and link previews show it)")


def _load(text: str) -> object:
    """`yaml.safe_load`, with libyaml's parser where there is one."""
    loader = LOADER(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _block(path: Path) -> tuple[str, int]:
    text = read_text(path)
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise LabError(path, 1, "page has no front matter",
                       f"start the file with a '---' block holding {', '.join(LESSON_FIELDS)}")
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1 : number - 1]), number
    raise LabError(path, 1, "front matter is never closed", "end it with a line '---'")


def read(path: Path) -> dict:
    """The page's front matter as a mapping; empty if it is missing or not valid YAML."""
    try:
        data = _load(_block(path)[0])
    except (LabError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def kind(path: Path) -> str:
    """The page's kind: `lesson` (the default) or `overview`; `lesson` if unreadable."""
    return str(read(path).get("kind", "lesson"))


def validate(path: Path, pages: Iterable[str]) -> list[LabError]:
    """Every problem with the front matter of `path`; empty when it is valid.

    Args:
        path: The Markdown file.
        pages: Paths of all pages relative to `docs/`, for checking prerequisites.
    """
    try:
        block, end = _block(path)
        node = yaml.compose(block, Loader=LOADER)
    except LabError as error:
        return [error]
    except yaml.YAMLError as error:
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        parts = [getattr(error, "context", ""), getattr(error, "problem", "")]
        what = " ".join(p for p in parts if p)
        return [LabError(path, line, f"front matter is not valid YAML: {what or error}", EXAMPLE)]
    if not isinstance(node, yaml.MappingNode):
        return [LabError(path, 2, "front matter must be a mapping of fields", EXAMPLE)]
    where = {k.value: k.start_mark.line + 2 for k, _ in node.value}
    data = _load(block) or {}
    errors: list[LabError] = []

    def err(field: str, message: str, fix: str = EXAMPLE) -> None:
        errors.append(LabError(path, where.get(field, 2), message, fix))

    kind = data.get("kind", "lesson")
    if kind not in ("lesson", "overview"):
        err("kind", f"kind must be 'lesson' or 'overview', not {kind!r}")
        return errors
    required = LESSON_FIELDS if kind == "lesson" else OVERVIEW_FIELDS
    for field in required:
        if field == "description" and field not in data:
            err("title", "front matter lacks 'description'", DESCRIPTION_FIX)
        elif field not in data:
            errors.append(LabError(path, 1, f"front matter lacks '{field}'", EXAMPLE))
    for field in data:
        if field not in LESSON_FIELDS + OPTIONAL:
            err(field, f"unknown front matter field '{field}'",
                f"use only: {', '.join(LESSON_FIELDS + OPTIONAL)}")
    for field in ("title", "description"):
        if field in data and (not isinstance(data[field], str) or not data[field].strip()):
            err(field, f"'{field}' must be non-empty text")
    errors.extend(_description_length(data.get("description"), where, path))
    if kind == "lesson":
        _check_lesson(data, pages, err)
        errors.extend(_title_headings(path, end))
    return errors


def _description_length(description: object, where: dict[str, int],
                        path: Path) -> list[LabError]:
    """A description too short to say anything, or too long to show whole in a search result."""
    if not isinstance(description, str) or not description.strip():
        return []  # missing or empty: reported above
    shortest, longest = DESCRIPTION_LENGTH
    length = len(" ".join(description.split()))
    if shortest <= length <= longest:
        return []
    problem = "too short to tell a reader" if length < shortest else "cut off in search results"
    fix = (f"say in one sentence of at least {shortest} characters what the reader learns or "
           "does on this page" if length < shortest else
           f"shorten it to one sentence of at most {longest} characters: what the reader "
           "learns or does on this page")
    return [LabError(path, where.get("description", 2),
                     f"description is {length} characters, {problem} (it needs {shortest} to "
                     f"{longest})", fix)]


def duplicate_titles(paths: Iterable[Path]) -> list[LabError]:
    """Pages whose front matter gives the same `title`, or the same `description`, as an
    earlier page (readers find pages by title, in the navigation and in search, and tell
    search results apart by their description); one error per repeat, naming both files."""
    first: dict[tuple[str, str], tuple[Path, int]] = {}
    errors = []
    for path in sorted(paths):
        try:
            block, _ = _block(path)
            node = yaml.compose(block, Loader=LOADER)
        except (LabError, yaml.YAMLError):
            continue  # reported by validate()
        if not isinstance(node, yaml.MappingNode):
            continue
        for key, value in node.value:
            if key.value not in UNIQUE or not isinstance(value, yaml.ScalarNode):
                continue
            text, line = " ".join(str(value.value).split()), key.start_mark.line + 2
            seen = first.setdefault((key.value, text.casefold()), (path, line))
            if seen != (path, line):
                errors.append(LabError(
                    path, line, f"{key.value} {text!r} is already the {key.value} of "
                    f"{display_path(seen[0])}:{seen[1]}", UNIQUE[key.value]))
    return errors


def _title_headings(path: Path, end: int) -> list[LabError]:
    """A lesson's title comes from its front matter; a `# ` heading would repeat it."""
    found = []
    fence = ""
    lines = read_text(path).splitlines()
    for number, line in enumerate(lines[end:], start=end + 1):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = "" if fence == marker else (fence or marker)
        elif not fence and line.startswith("# "):
            found.append(LabError(path, number, "a lesson takes its title from front matter; "
                                  "this '# ' heading repeats it",
                                  "delete the heading, or make it a '## ' section"))
    return found


def _check_lesson(data: dict, pages: Iterable[str], err) -> None:  # type: ignore[no-untyped-def]
    objectives = data.get("objectives")
    if "objectives" in data and not (
        isinstance(objectives, list)
        and 3 <= len(objectives) <= 5
        and all(isinstance(o, str) and o.strip() for o in objectives)
    ):
        err("objectives", "'objectives' must be a list of 3 to 5 sentences",
            "write each as something the reader can check: 'Explain …', 'Measure …'")
    prerequisites = data.get("prerequisites")
    if "prerequisites" in data:
        known = set(pages)
        if not isinstance(prerequisites, list):
            err("prerequisites", "'prerequisites' must be a list of pages (may be [])")
        else:
            for item in prerequisites:
                if item not in known:
                    err("prerequisites", f"prerequisite {item!r} is not a page of this site",
                        "give the path relative to docs/, e.g. databases/sql.md")
    if "difficulty" in data and data["difficulty"] not in DIFFICULTIES:
        close = difflib.get_close_matches(str(data["difficulty"]), DIFFICULTIES, n=1)
        err("difficulty", f"difficulty must be one of {', '.join(DIFFICULTIES)}, "
            f"not {data['difficulty']!r}", f"did you mean {close[0]}?" if close else EXAMPLE)
    if "time" in data and not TIME.match(str(data["time"])):
        err("time", f"time must look like '20 min', not {data['time']!r}")
