"""Screenshots of the built site: the home page and a chapter page, on a desktop and on a
phone, in the light and the dark scheme. Eight PNGs of the first screenful, to look at
before calling a change to the theme done.

```bash
python -m labkit.screenshots                      # build the site, write screenshots/*.png
python -m labkit.screenshots --site site --out /tmp/shots   # take an existing build
```

The scheme comes from the browser's own setting (`prefers-color-scheme`), which the site
follows until the reader picks one, so no click is needed.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from labkit import browser, csp
from labkit.lighthouse import build_site
from labkit.static import serve_site

PAGES = {"home": "", "chapter": "databases/"}
"""Name in the file name -> URL path of the page."""
VIEWPORTS = {"desktop": (1280, 900), "mobile": (375, 812)}
"""Name -> (width, height) in CSS pixels; each PNG is exactly one viewport."""
SCHEMES = ("light", "dark")
OUT = Path("screenshots")

DIAGRAMS_DRAWN = """() => [...document.querySelectorAll("pre.mermaid")].every(
    el => el.getBoundingClientRect().top > innerHeight)"""
"""True once no Mermaid source is left in the viewport (diagrams draw when they come near)."""


def file_name(page: str, viewport: str, scheme: str) -> str:
    """`home-desktop-light.png` and so on."""
    return f"{page}-{viewport}-{scheme}.png"


def capture(site: Path, out: Path) -> list[Path]:
    """Serve the built `site` on 127.0.0.1 and write every screenshot into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve_site(site, policy=csp.policy(site)) as base, browser.chromium() as chromium:
        for viewport, (width, height) in VIEWPORTS.items():
            for scheme in SCHEMES:
                context = chromium.new_context(
                    viewport={"width": width, "height": height}, color_scheme=scheme)
                tab = context.new_page()
                for page, path in PAGES.items():
                    tab.goto(base + path)
                    tab.wait_for_load_state("networkidle")
                    tab.wait_for_function(DIAGRAMS_DRAWN, timeout=15_000)
                    tab.evaluate("document.fonts.ready")
                    target = out / file_name(page, viewport, scheme)
                    tab.screenshot(path=str(target))
                    written.append(target)
                context.close()
    return written


def main(argv: list[str] | None = None) -> None:
    """Build the site (or take `--site`) and write the screenshots into `--out`."""
    parser = argparse.ArgumentParser(prog="python -m labkit.screenshots",
                                     description=main.__doc__)
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args(argv)
    reason = browser.missing()
    if reason:
        parser.error(reason)
    with tempfile.TemporaryDirectory(prefix="screenshots-site-") as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            build_site(site)
        for path in capture(site, args.out):
            print(path)


if __name__ == "__main__":
    main()
