"""Every check the build makes on pages, without a site generator.

`hooks/lab.py` runs these checks inside MkDocs (and properdocs). A generator that does not
run MkDocs hooks, such as Zensical, still renders the pages through `labkit.extension`, but
would let a broken page through. This module runs the same checks on `docs/` directly: front
matter, links and anchors, quizzes, duplicate titles, unused snippets, and every directive
on every page, converted by the same extension.

```bash
python -m snippets check-pages     # one error per problem, file:line and the fix; exit 1 if any
```
"""

from __future__ import annotations

import logging
from pathlib import Path

import markdown

from labkit import coverage, frontmatter, links, paths
from labkit.errors import LabError, read_text
from labkit.extension import PageInfo, current_page

EXTENSIONS = ["labkit.extension", "admonition", "attr_list", "toc", "pymdownx.details",
              "pymdownx.superfences", "pymdownx.tabbed"]
"""What the directives need to be expanded; the site's full list is in mkdocs.yml."""


def pages(docs: Path) -> list[Path]:
    """The Markdown pages of the site (the vendored assets' READMEs excluded)."""
    return sorted(p for p in docs.rglob("*.md") if not p.is_relative_to(docs / "assets"))


def _body(page: Path) -> tuple[str, int]:
    """The page without its front matter, and how many lines that removed."""
    text = read_text(page)
    try:
        end = frontmatter._block(page)[1]  # the line number of the closing '---'
    except LabError:
        return text, 0
    return "\n".join(text.splitlines()[end:]), end


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def directive_problems(page: Path) -> list[str]:
    """What the extension reports while converting `page` (bad includes, stale outputs…)."""
    collect = _Collect()
    log = logging.getLogger("mkdocs.labkit")
    log.addHandler(collect)
    try:
        body, offset = _body(page)
        token = current_page.set(PageInfo(page, offset))
        try:
            markdown.Markdown(extensions=EXTENSIONS).convert(body)
        finally:
            current_page.reset(token)
    finally:
        log.removeHandler(collect)
    return collect.messages


def check(root: Path | None = None) -> list[str]:
    """Every problem on the pages of the project at `root`, as `file:line: what … fix: …`."""
    docs = (root or paths.ROOT) / "docs"
    files = pages(docs)
    uris = [p.relative_to(docs).as_posix() for p in files]
    problems: list[str] = [str(e) for e in coverage.unused(files)]
    problems += [str(e) for e in frontmatter.duplicate_titles(files)]
    for page, uri in zip(files, uris, strict=True):
        try:
            errors = frontmatter.validate(page, uris) + links.dead_links(page, uri, uris, docs)
        except LabError as error:  # not UTF-8: nothing else can be read
            problems.append(str(error))
            continue
        if frontmatter.kind(page) == "lesson" and not errors:
            errors += coverage.quiz_problems(page)
        problems += [str(e) for e in errors]
        problems += directive_problems(page)
    return problems
