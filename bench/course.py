"""A synthetic course of any size: real pages, snippets, exercises and recorded outputs.

Outputs are not produced by running 5,000 snippets: they are written the way
`labkit.outputs` writes them (its own `render`, so the header and source hash are real),
with a made-up stdout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from labkit import outputs, paths
from labkit.catalog import Snippet
from labkit.runner import RunResult
from tests.support import LESSON, QUIZ, make_project

PAGES_PER_CHAPTER = 50

SHARED = '''"""Helpers every snippet of this chapter imports."""


def shout(text: str) -> str:
    """Upper-case `text`."""
    return text.upper()
'''

SNIPPET = '''"""Synthetic snippet {name}: counts words."""

from collections import Counter

from snippets.{chapter} import _shared


def main() -> None:
    """Print the most common words."""
    # --8<-- [start:count]
    text = "the cat and the hat and the bat {name}"
    counts = Counter(text.split())  # [mark:counter]
    for word, count in counts.most_common(3):
        print(_shared.shout(word), count)
    # --8<-- [end:count]


if __name__ == "__main__":
    main()
'''

EXERCISE = {
    "": '"""Classify {name}.\n\nReturn "even" or "odd".\n"""\n\n\n'
        'def parity(n: int) -> str:\n    """Even or odd."""\n    raise NotImplementedError\n',
    "_checks": '"""Checks."""\n\n\ndef check_parity(module):\n    """2 is even."""\n'
               '    assert module.parity(2) == "even"\n',
    "_solution": '"""Solution."""\n\n\ndef parity(n: int) -> str:\n    """Even or odd."""\n'
                 '    return "odd" if n % 2 else "even"\n',
}


@contextmanager
def labkit_root(root: Path) -> Iterator[None]:
    """Point labkit at the project in `root` for the duration of the block."""
    old = paths.ROOT
    paths.use_root(root)
    try:
        yield
    finally:
        paths.use_root(old)


def page_text(number: int, snippets: list[str], exercise: str) -> str:
    """One lesson: prose, headings, a link to the previous page, snippets, outputs, quiz."""
    body = [LESSON.format(title=f"Synthetic lesson {number}"),
            "Some words about the topic, with `code` and a **bold** claim.\n"]
    if number > 1:
        body.append(f"See [the previous lesson](p{number - 1:04d}.md#part-1) first.\n")
    for part, ref in enumerate(snippets, start=1):
        body += [f"## Part {part}\n", "An explanation of what the code does, and why.\n",
                 f'@snippet {ref}#count title="Part {part}" highlight="counter"',
                 f"@output {ref}\n"]
    body.append(f"## Practice\n\n@exercise {exercise}\n")
    return "\n".join(body) + QUIZ


def make_course(root: Path, pages: int, per_page: int = 5) -> Path:
    """Write a project of `pages` lessons (`per_page` snippets each) under `root`.

    Chapters hold `PAGES_PER_CHAPTER` pages each; every snippet imports its chapter's shared
    module, so the import graph is hashed as on the real site.
    """
    docs: dict[str, str] = {}
    files: dict[str, str] = {}
    stdout: dict[str, str] = {}
    nav: dict[str, list[str]] = {}
    for number in range(1, pages + 1):
        chapter = f"ch{(number - 1) // PAGES_PER_CHAPTER:02d}"
        if chapter not in nav:
            nav[chapter] = []
            files[f"snippets/{chapter}/__init__.py"] = f'"""Chapter {chapter}."""\n'
            files[f"snippets/{chapter}/_shared.py"] = SHARED
        refs = []
        for index in range(1, per_page + 1):
            name = f"p{number:04d}_s{index}"
            files[f"snippets/{chapter}/{name}.py"] = SNIPPET.format(name=name, chapter=chapter)
            stdout[f"snippets/{chapter}/{name}.py"] = f"THE 3\nAND 2\n{name.upper()} 1\n"
            refs.append(f"{chapter}/{name}.py")
        task = f"task{number:04d}"
        for suffix, text in EXERCISE.items():
            files[f"snippets/{chapter}/exercises/{task}{suffix}.py"] = text.format(name=task)
        uri = f"{chapter}/p{number:04d}.md"
        docs[uri] = page_text(number, refs, f"{chapter}.{task}")
        nav[chapter].append(uri)
    make_project(root, docs, files)
    config = root / "mkdocs.yml"
    sections = "nav:\n" + "".join(
        f"  - Chapter {chapter}:\n" + "".join(f"      - {uri}\n" for uri in uris)
        for chapter, uris in nav.items()
    )
    config.write_text(re.sub(r"^nav:\n(?:  .*\n)+", sections, config.read_text(), flags=re.M))
    with labkit_root(root):
        for ref, printed in stdout.items():
            snippet = Snippet(root / ref)
            target = outputs.output_path(snippet)
            target.parent.mkdir(exist_ok=True)
            target.write_text(outputs.render(RunResult(snippet, "sqlite", printed, "")),
                              encoding="utf-8")
    return root


def edit_snippet(root: Path, ref: str, note: str) -> None:
    """Change the snippet `ref` (relative to `snippets/`) as a contributor would: append a
    comment line `note`, and store its outputs again under the new source hash."""
    with labkit_root(root):
        snippet = Snippet(paths.SNIPPETS / ref)
        recorded = {engine: outputs.read(snippet, engine).text for engine in snippet.engines}
        with snippet.path.open("a", encoding="utf-8") as file:
            file.write(f"# {note}\n")
        for engine, text in recorded.items():
            outputs.output_path(snippet, engine).write_text(
                outputs.render(RunResult(snippet, engine, text, "")), encoding="utf-8")
