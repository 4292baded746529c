"""MkDocs hooks: build-level checks only (page transforms live in `labkit.extension`).

Kept thin on purpose: Zensical reads `mkdocs.yml` but does not run hooks, so nothing
a page needs in order to render may live here. The same checks run in the test
suite, which calls the same `labkit` functions.
"""

from __future__ import annotations

import logging
from pathlib import Path

from markdown.extensions.toc import slugify

from labkit import coverage, filecache, frontmatter, links, pyfacts
from labkit.errors import LabError, read_text
from labkit.extension import PageInfo, current_page

log = logging.getLogger("mkdocs.hooks.lab")


def on_pre_build(config):  # type: ignore[no-untyped-def]
    """Results that read several files (a snippet's source hash) are kept for this build."""
    filecache.begin_build()


def on_post_build(config):  # type: ignore[no-untyped-def]
    """Forget them: the next build (`mkdocs serve`) reads the files again. Keep what was
    parsed (keyed by each file's hash) for the next process."""
    filecache.end_build()
    pyfacts.save()


def on_build_error(error):  # type: ignore[no-untyped-def]
    """The same when a build fails."""
    filecache.end_build()
    pyfacts.save()


def on_files(files, config):  # type: ignore[no-untyped-def]
    """Course-wide checks: every snippet, output and exercise is used by some page, and no two
    pages share a title. A page that is not UTF-8 is reported (by `on_page_markdown`) instead
    of stopping the build with a traceback. In a dirty build (`mkdocs serve --dirty`), a page
    whose snippets, outputs or exercise changed since its HTML was written counts as modified,
    so it is rendered again (MkDocs itself only looks at the Markdown file)."""
    documents = list(files.documentation_pages())
    pages = [Path(f.abs_src_path) for f in documents]
    for file in documents:
        try:
            read_text(Path(file.abs_src_path))
        except LabError:
            source = file.abs_src_path
            file.content_string = Path(source).read_bytes().decode("utf-8", "replace")
            file.abs_src_path = source  # keep the path, for error messages
    for error in coverage.unused(pages) + frontmatter.duplicate_titles(pages):
        log.warning(str(error))
    built = {Path(f.abs_src_path): f for f in documents}
    for page in coverage.outdated((path, Path(f.abs_dest_path)) for path, f in built.items()):
        built[page].is_modified = _modified
    return files


def _modified() -> bool:
    """`File.is_modified` for a page whose snippets changed."""
    return True


def on_nav(nav, config, files):  # type: ignore[no-untyped-def]
    """A page missing from `nav:` is named, with the line to add (MkDocs also warns)."""
    shown = {page.file.src_uri for page in nav.pages}
    for file in files.documentation_pages():
        if file.inclusion.is_in_nav() and file.src_uri not in shown:
            log.warning(str(LabError(
                Path(file.abs_src_path), 0, "page is not in the navigation",
                f"add `- {file.src_uri}` to nav: in mkdocs.yml, under its chapter's section "
                "(or delete the page)",
            )))
    return nav


def on_page_markdown(markdown: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
    """Validate the page's front matter, links (and anchors) and quiz; tell the extension which
    page it is on.

    Problems are logged (a strict build fails on them) and, for `mkdocs serve`, shown in a
    red box at the top of the page.
    """
    pages = [f.src_uri for f in files.documentation_pages()]
    path = Path(page.file.abs_src_path)
    toc = config.get("mdx_configs", {}).get("toc", {})
    docs_dir = Path(config["docs_dir"]) if config.get("docs_dir") else None
    errors = frontmatter.validate(path, pages) + links.dead_links(
        path, page.file.src_uri, pages, docs_dir=docs_dir,
        slugify=toc.get("slugify", slugify), separator=toc.get("separator", "-"),
    )
    if page.meta.get("kind", "lesson") == "lesson" and not errors:
        errors += coverage.quiz_problems(path)
    for error in errors:
        log.warning(str(error))
    raw = path.read_bytes().decode("utf-8", "replace")
    current_page.set(PageInfo(path, raw.count("\n") - markdown.count("\n")))
    if errors:
        listing = "\n".join("    " + line for e in errors for line in str(e).splitlines())
        markdown = (f'!!! failure "This page has problems"\n\n    ```text\n{listing}\n'
                    "    ```\n\n" + markdown)
    return markdown


def on_env(env, config, files):  # type: ignore[no-untyped-def]
    """Keep compiled theme templates across the rebuilds of `mkdocs serve` (keyed by each
    template's source, so an edited override is compiled again)."""
    env.bytecode_cache = filecache.templates()
    return env


def on_page_content(html: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
    """Forget the page, so nothing leaks into the next one."""
    current_page.set(None)
    return html
