"""The Content-Security-Policy the built site needs, computed from the built HTML.

Our own markup has no inline script, no inline event handler and no `javascript:` URL: the
only inline scripts are the few small ones the Material theme writes into every page (they
read saved preferences before the page paints). A strict policy allows exactly those by hash,
so a host can send it without `'unsafe-inline'` for scripts.

```bash
python -m labkit.csp site/          # print the policy for a built site
```
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
DATA_BLOCK = re.compile(r'type="application/(json|ld\+json)"', re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"""<[a-z][^>]*\s(href|src|action)\s*=\s*["']?\s*javascript:""", re.I)

FIXED_DIRECTIVES = (
    "default-src 'none'",
    # Mermaid writes <style> elements into its diagrams, and the theme sets style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
)


def inline_scripts(html: str) -> Iterator[str]:
    """The bodies of the executable inline scripts of a page (JSON data blocks excluded)."""
    for match in SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or DATA_BLOCK.search(attrs):
            continue
        yield match.group("body")


def script_hash(body: str) -> str:
    """The CSP source expression that allows one inline script: `'sha256-…'`."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def pages(site: Path) -> Iterable[Path]:
    """Every HTML file of a built site."""
    return sorted(site.rglob("*.html"))


def policy(site: Path) -> str:
    """The policy for the site built in `site`: fixed directives, plus one hash per script."""
    hashes = sorted({script_hash(body) for page in pages(site)
                     for body in inline_scripts(page.read_text(encoding="utf-8"))})
    script_src = " ".join(["script-src 'self'", *hashes])
    return "; ".join([FIXED_DIRECTIVES[0], script_src, *FIXED_DIRECTIVES[1:]])


def main(argv: list[str]) -> None:
    """Print the policy for the built site in argv[0] (default: site/)."""
    print(policy(Path(argv[0] if argv else "site")))


if __name__ == "__main__":
    main(sys.argv[1:])
