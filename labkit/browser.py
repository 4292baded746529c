"""Debian's Chromium, driven by Playwright: one place that finds it and launches it.

Used by the site's browser tests and by the Security chapter's browser demonstrations. We
never download a browser: `.ci/run` installs Debian's `chromium`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def missing() -> str | None:
    """Why a browser cannot run here, or None when Debian's Chromium is installed."""
    if Path(CHROMIUM).exists():
        return None
    return "Debian's chromium is not installed (apt-get install chromium; .ci/run does)"


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (a Playwright `Browser`) for the duration of the block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()
