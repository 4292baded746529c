"""MkDocs hooks: build-level checks only (page transforms live in `labkit.extension`).

Kept thin on purpose: Zensical reads `mkdocs.yml` but does not run hooks, so nothing
a page needs in order to render may live here. The same checks run in the test
suite, which calls the same `labkit` functions.
"""

from __future__ import annotations

import logging
from pathlib import Path

from labkit import coverage, frontmatter, links
from labkit.extension import PageInfo, current_page

log = logging.getLogger("mkdocs.hooks.lab")


def on_files(files, config):  # type: ignore[no-untyped-def]
    """Course-wide checks: every snippet and exercise is shown by some page."""
    pages = [Path(f.abs_src_path) for f in files.documentation_pages()]
    for error in coverage.unused(pages):
        log.warning(str(error))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
    """Validate the page's front matter, links and quiz; tell the extension which page it is on.

    Problems are logged (a strict build fails on them) and, for `mkdocs serve`, shown in a
    red box at the top of the page.
    """
    pages = [f.src_uri for f in files.documentation_pages()]
    path = Path(page.file.abs_src_path)
    errors = frontmatter.validate(path, pages) + links.dead_links(path, page.file.src_uri, pages)
    if page.meta.get("kind", "lesson") == "lesson" and not errors:
        errors += coverage.quiz_problems(path)
    for error in errors:
        log.warning(str(error))
    raw = path.read_text(encoding="utf-8")
    current_page.set(PageInfo(path, raw.count("\n") - markdown.count("\n")))
    if errors:
        listing = "\n".join("    " + line for e in errors for line in str(e).splitlines())
        markdown = (f'!!! failure "This page has problems"\n\n    ```text\n{listing}\n'
                    "    ```\n\n" + markdown)
    return markdown


def on_page_content(html: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
    """Forget the page, so nothing leaks into the next one."""
    current_page.set(None)
    return html
