"""Every check the build makes on pages, without a site generator.

`hooks/lab.py` runs these checks inside MkDocs (and properdocs). A generator that does not
run MkDocs hooks, such as Zensical, still renders the pages through `labkit.extension`, but
would let a broken page through. This module runs the same checks on `docs/` directly: front
matter, links and anchors, quizzes, duplicate titles, unused snippets, and every directive
on every page, converted by the same extension. It also checks that every lesson ends with a
section `## Where to go from here` linking to at least two other pages.

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

EXTENSIONS = ["labkit.extension", "admonition", "attr_list", "def_list", "toc",
              "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed", "labkit.glossary"]
"""What the directives need to be expanded; the site's full list is in mkdocs.yml."""
ENDING = "Where to go from here"
"""The heading of the section every lesson ends with."""
MIN_NEXT_LINKS = 2
"""The fewest links to other pages that section may hold."""
ENDING_FIX = (f"end the page with `## {ENDING}`, after Further reading: 2 to 4 bullets, each a "
              "relative link to another page (the next lesson, a related page in another "
              "chapter) and why to go there")


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


def _internal_links(line: str) -> int:
    """How many links on `line` point to another page of the site (`other.md`, `../x/y.md#id`)."""
    count = 0
    for match in links.LINK.finditer(line):
        target = match["target"].partition("#")[0]
        if target.endswith(".md") and "://" not in target:
            count += 1
    return count


def ending_problems(page: Path) -> list[LabError]:
    """A lesson's last `## ` section must be `Where to go from here`, with links onwards.

    The reader who finishes a page should not have to hunt for the next one: the section names
    at least two pages to go to, and why.
    """
    sections: list[tuple[int, str]] = []
    found = 0
    for number, line in links._lines(read_text(page)):
        heading = links.HEADING.match(line)
        if heading and heading["level"] == "##":
            sections.append((number, links.ATTRS.sub("", heading["text"]).strip()))
            found = 0
        else:
            found += _internal_links(line)
    if not sections or sections[-1][1] != ENDING:
        last = f"the last section is '{sections[-1][1]}'" if sections else "it has no section"
        return [LabError(page, sections[-1][0] if sections else 0,
                         f"a lesson ends with '## {ENDING}', but {last}", ENDING_FIX)]
    if found < MIN_NEXT_LINKS:
        return [LabError(page, sections[-1][0],
                         f"'{ENDING}' has {found} link(s) to pages of the site; it needs "
                         f"at least {MIN_NEXT_LINKS}", ENDING_FIX)]
    return []


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
            errors += coverage.quiz_problems(page) + ending_problems(page)
        problems += [str(e) for e in errors]
        problems += directive_problems(page)
    return problems
