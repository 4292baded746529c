"""Heading ids, made the way the `toc` extension makes them, for checking `#anchors`."""

from __future__ import annotations

from pathlib import Path

import markdown
from markdown.extensions.toc import slugify_unicode

from labkit import links

PAGE = """\
## The `N+1` query problem

```text
## Not a heading: inside a fence
```

## Summary

## Summary

### Keyset pagination {#keyset}

<a id="raw-anchor"></a>

## [Linked](other.md) *heading*
"""


def toc_ids(text: str) -> set[str]:
    md = markdown.Markdown(extensions=["toc", "attr_list", "fenced_code"])
    md.convert(text)
    found: set[str] = set()

    def walk(tokens: list[dict]) -> None:  # type: ignore[type-arg]
        for token in tokens:
            found.add(token["id"])
            walk(token["children"])

    walk(md.toc_tokens)  # type: ignore[attr-defined]
    return found


def test_heading_ids_match_what_toc_makes() -> None:
    ids = links.anchors(PAGE)
    assert toc_ids(PAGE) <= ids
    assert {"the-n1-query-problem", "summary", "summary_1", "keyset", "raw-anchor",
            "linked-heading"} == ids


def test_the_configured_slugify_is_used() -> None:
    text = "## Größe\n"
    assert links.anchors(text, slugify_unicode) == {"größe"}
    assert links.anchors(text) == {"groe"}


def test_generated_pages_are_not_checked(tmp_path: Path) -> None:
    docs = tmp_path
    (docs / "api.md").write_text("::: labkit.links\n")
    (docs / "page.md").write_text("[x](api.md#labkit.links.anchors) [y](#nowhere)\n")
    errors = links.dead_links(docs / "page.md", "page.md", ["api.md", "page.md"], docs_dir=docs)
    assert [e.line for e in errors] == [1] and "page.md#nowhere" in errors[0].message
