"""Check every internal link and anchor of a built site, from the HTML the reader gets.

The build already checks links between Markdown pages; this looks at the result, so it also
covers links written by the theme, by mkdocstrings and by our own extension.

```bash
python -m labkit.linkcheck site/     # one line per broken link: page:line: href (why)
```
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class BrokenLink:
    """A link on `page` (relative to the site) at `line` that leads nowhere."""

    page: str
    line: int
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.href} ({self.reason})"


class _Scanner(HTMLParser):
    """Collects the ids a page defines and the links it makes, with their lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key):
                self.ids.add(str(values[key]))
        if tag in ("a", "link") and values.get("href"):
            self.links.append((self.getpos()[0], str(values["href"])))


def _scan(path: Path) -> _Scanner:
    scanner = _Scanner()
    scanner.feed(path.read_text(encoding="utf-8"))
    return scanner


def _target(site: Path, page: Path, path: str) -> Path:
    """The file a relative or site-absolute URL path points at."""
    base = site if path.startswith("/") else page.parent
    target = (base / unquote(path).lstrip("/")).resolve()
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def check(site: Path, base_path: str = "/") -> list[BrokenLink]:
    """Every broken internal link of the site in `site`, served under `base_path`."""
    site = site.resolve()
    pages = {p: _scan(p) for p in sorted(site.rglob("*.html"))}
    broken: list[BrokenLink] = []
    for page, scanned in pages.items():
        for line, href in scanned.links:
            url = urlsplit(href)
            if url.scheme or url.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            path = url.path
            if path.startswith("/"):
                if not path.startswith(base_path):
                    continue  # another site on the same host
                path = "/" + path[len(base_path):]
            target = _target(site, page, path) if path else page
            where = page.relative_to(site).as_posix()
            if not target.is_relative_to(site) or not target.exists():
                broken.append(BrokenLink(where, line, href, "no such file"))
            elif url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _scan(target).ids
                if unquote(url.fragment) not in ids:
                    broken.append(BrokenLink(where, line, href, "no such anchor"))
    return broken


def main(argv: list[str]) -> int:
    """Print the broken links of the site in argv[0] (default: site/); exit 1 if any."""
    broken = check(Path(argv[0] if argv else "site"))
    for link in broken:
        print(link)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
