"""`python -m snippets new <chapter>/<topic>`: start a page that already builds.

Creates the snippet, its page, its exercise (stub, checks, solution) and its test from the
templates in `labkit/templates/`, refusing to overwrite anything, then records the output.
Every file says what to replace; the result passes the strict build as it stands. The page
starts with a `description` and ends with `## Where to go from here`, linking to the chapter's
overview (or the home page, for a chapter that has none yet).
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from labkit import paths
from labkit.errors import LabError

NAME = re.compile(r"[a-z][a-z0-9_]*")
TEMPLATES = Path(__file__).resolve().parent / "templates"


def plan(chapter: str, topic: str) -> dict[Path, str]:
    """The files to create (path -> template name, or '' for an empty package docstring)."""
    root = paths.ROOT
    page = topic.replace("_", "-")
    files = {
        root / "snippets" / chapter / "__init__.py": "",
        root / "snippets" / chapter / "exercises" / "__init__.py": "",
        root / "snippets" / chapter / f"{topic}.py": "snippet.py.tmpl",
        root / "snippets" / chapter / "exercises" / f"{topic}.py": "exercise.py.tmpl",
        root / "snippets" / chapter / "exercises" / f"{topic}_checks.py": "exercise_checks.py.tmpl",
        root / "snippets" / chapter / "exercises" / f"{topic}_solution.py":
            "exercise_solution.py.tmpl",
        root / "docs" / chapter / f"{page}.md": "page.md.tmpl",
        root / "tests" / chapter / "__init__.py": "",
        root / "tests" / chapter / f"test_{topic}.py": "test.py.tmpl",
    }
    return files


def create(chapter: str, topic: str) -> list[Path]:
    """Write the new page's files; return those created (existing packages are kept).

    Raises:
        LabError: if a name is not a valid module name, or the page or snippet exists.
    """
    for kind, name in (("chapter", chapter), ("topic", topic)):
        if not NAME.fullmatch(name):
            raise LabError(f"{chapter}/{topic}", 0, f"the {kind} '{name}' is not a module name",
                           "use lower-case letters, digits and _, starting with a letter")
    overview = paths.ROOT / "docs" / chapter / "index.md"
    values = {"chapter": chapter, "topic": topic, "topic_words": topic.replace("_", " "),
              "Title": topic.replace("_", " ").capitalize(),
              "next_page": "index.md" if overview.exists() else "../index.md"}
    created = []
    for path, template in plan(chapter, topic).items():
        if path.exists():
            if template:
                raise LabError(path, 0, "already exists; the scaffold never overwrites",
                               "pick another topic name, or edit the existing files")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if template:
            text = Template((TEMPLATES / template).read_text(encoding="utf-8")).substitute(values)
        elif path.parts[-2] == "exercises":
            text = f'"""Exercises of the {chapter} chapter."""\n'
        elif "tests" in path.relative_to(paths.ROOT).parts[:1]:
            text = ""
        else:
            text = f'"""The {chapter} chapter (describe it in one line)."""\n'
        path.write_text(text, encoding="utf-8")
        created.append(path)
    return created
