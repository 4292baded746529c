"""MkDocs hooks: build-level checks only (page transforms live in `labkit.extension`).

Kept thin on purpose: Zensical reads `mkdocs.yml` but does not run hooks, so nothing
a page needs in order to render may live here. The same checks run in the test
suite, which calls the same `labkit` functions.
"""

from __future__ import annotations

import logging
from pathlib import Path

from labkit import frontmatter, links
from labkit.extension import PageInfo, current_page

log = logging.getLogger("mkdocs.hooks.lab")


def on_page_markdown(markdown: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
    """Validate the page's front matter and links; tell the extension which page it is on."""
    pages = [f.src_uri for f in files.documentation_pages()]
    path = Path(page.file.abs_src_path)
    for error in frontmatter.validate(path, pages) + links.dead_links(
        path, page.file.src_uri, pages
    ):
        log.warning(str(error))
    raw = path.read_text(encoding="utf-8")
    current_page.set(PageInfo(path, raw.count("\n") - markdown.count("\n")))
    return markdown


def on_page_content(html: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
    """Forget the page, so nothing leaks into the next one."""
    current_page.set(None)
    return html
