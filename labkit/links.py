"""Find links from a page to pages that do not exist, with the line they are on."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

from labkit.errors import LabError

LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def dead_links(path: Path, src_uri: str, pages: Iterable[str]) -> list[LabError]:
    """Relative links to `.md` files that are not pages of the site.

    Args:
        path: The page's file.
        src_uri: The page's path relative to `docs/` (links are relative to it).
        pages: Every page's path relative to `docs/`.
    """
    known = set(pages)
    errors = []
    in_fence = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        fence = FENCE.match(line)
        if fence and (not in_fence or fence.group(1).startswith(in_fence)):
            in_fence = "" if in_fence else fence.group(1)
            continue
        if in_fence:
            continue
        for match in LINK.finditer(line):
            target = match["target"].split("#", 1)[0]
            if not target.endswith(".md") or "://" in target:
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
            if resolved not in known:
                errors.append(LabError(path, number, f"link to '{target}', which is not a page",
                                       "link to an existing page, relative to this file "
                                       "(e.g. ../databases/index.md)"))
    return errors
