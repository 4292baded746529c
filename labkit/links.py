"""Find links from a page to pages, or headings, that do not exist, with the line they are on.

A link `other.md#a-heading` (or `#a-heading` within the page) must name the id of a heading
of the target page, as the `toc` extension makes it: the heading's text through the
configured `slugify` (Python-Markdown's `markdown.extensions.toc.slugify` by default), `_1`,
`_2`… appended to repeats, or an explicit `{#id}` (attr_list). Pages that generate their
ids (mkdocstrings' `::: module`) are not checked for anchors.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from markdown.extensions.toc import slugify as toc_slugify

from labkit.errors import LabError

LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^ {0,3}(?P<level>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*$")
ATTRS = re.compile(r"\s*\{:?(?P<attrs>[^}]*)\}\s*$")
EXPLICIT_ID = re.compile(r"(?:^|\s)#(?P<id>[\w.:-]+)")
HTML_ID = re.compile(r"""\b(?:id|name)=["'](?P<id>[^"']+)["']""")
INLINE = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)|<[^>]+>|[`*_]|&\w+;")
GENERATED = re.compile(r"^:::\s", re.M)
Slugify = Callable[[str, str], str]


def _lines(text: str) -> Iterable[tuple[int, str]]:
    """Numbered lines outside fenced code blocks."""
    in_fence = ""
    for number, line in enumerate(text.splitlines(), start=1):
        fence = FENCE.match(line)
        if fence and (not in_fence or fence.group(1).startswith(in_fence)):
            in_fence = "" if in_fence else fence.group(1)
            continue
        if not in_fence:
            yield number, line


@lru_cache(maxsize=256)
def anchors(text: str, slugify: Slugify = toc_slugify,
            separator: str = "-") -> frozenset[str] | None:
    """The ids a page's headings (and explicit `{#id}` or `id="…"` attributes) get.

    Returns:
        The ids, or None when the page generates ids its source does not show.
    """
    if GENERATED.search(text):
        return None
    found: set[str] = set()
    for _, line in _lines(text):
        found.update(m["id"] for m in HTML_ID.finditer(line))
        attrs = ATTRS.search(line)
        explicit = EXPLICIT_ID.search(attrs["attrs"]) if attrs else None
        if explicit:
            found.add(explicit["id"])
        heading = HEADING.match(line)
        if heading and not explicit:
            title = ATTRS.sub("", heading["text"])
            slug = slugify(INLINE.sub(lambda m: m["text"] or "", title).strip(), separator)
            unique, count = slug, 0
            while unique in found:
                count += 1
                unique = f"{slug}_{count}"
            found.add(unique)
    return frozenset(found)


def dead_links(path: Path, src_uri: str, pages: Iterable[str], docs_dir: Path | None = None,
               slugify: Slugify = toc_slugify, separator: str = "-") -> list[LabError]:
    """Relative links to `.md` files that are not pages of the site, or to headings that
    are not in the page they point to.

    Args:
        path: The page's file.
        src_uri: The page's path relative to `docs/` (links are relative to it).
        pages: Every page's path relative to `docs/`.
        docs_dir: The `docs/` folder; when given, `#anchors` are checked too.
        slugify: The `toc` extension's slugify function (`toc: slugify:` in `mkdocs.yml`).
        separator: The `toc` extension's word separator.
    """
    known = set(pages)
    errors = []
    for number, line in _lines(path.read_bytes().decode("utf-8", "replace")):
        for match in LINK.finditer(line):
            target, _, anchor = match["target"].partition("#")
            if "://" in target or target.startswith("mailto:"):
                continue
            if target and not target.endswith(".md"):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
            if not target:
                resolved = src_uri
            if resolved not in known:
                errors.append(LabError(path, number, f"link to '{target}', which is not a page",
                                       "link to an existing page, relative to this file "
                                       "(e.g. ../databases/index.md)"))
                continue
            if anchor and docs_dir is not None:
                text = (docs_dir / resolved).read_bytes().decode("utf-8", "replace")
                ids = anchors(text, slugify, separator)
                if ids is not None and anchor not in ids:
                    errors.append(_dead_anchor(path, number, resolved, anchor, ids))
    return errors


def _dead_anchor(path: Path, number: int, page: str, anchor: str,
                 ids: frozenset[str]) -> LabError:
    close = difflib.get_close_matches(anchor, sorted(ids), n=1, cutoff=0.5)
    hint = f"did you mean #{close[0]}? " if close else ""
    return LabError(
        path, number, f"link to '{page}#{anchor}', but {page} has no heading with that id",
        f"{hint}link to a heading's id: its text in lower case, words joined by '-' "
        "(or give the heading one: `## Title {#my-id}`)",
    )
