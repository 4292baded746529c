"""The offline copy (`make offline`): opened from disk with file://, it navigates and searches.

Built like `make offline` does: `OFFLINE=true` turns on Material's offline plugin (search
index as a script, no directory URLs) and `mkdocs-offline.yml` gives it our own copy of the
iframe-worker shim, so search's web worker starts from file:// without a CDN.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit
from tests.support import REPO, require_browser

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


class FileVisit(Visit):
    """A tab on a site opened from disk: anything but file:, data: and blob: is outside."""

    def _route(self, route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline variant, built strictly into a temporary folder."""
    require_browser()
    out = tmp_path_factory.mktemp("offline-site")
    env = {**os.environ, "OFFLINE": "true", "LAB_ROOT": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs-offline.yml",
         "-d", str(out)], cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def tab(browser: Any, offline_site: Path) -> Iterator[FileVisit]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    visit = FileVisit(context, offline_site.as_uri() + "/")
    yield visit
    context.close()
    assert not visit.outside, f"requests left the disk: {visit.outside}"
    assert not visit.errors, f"console errors: {visit.errors}"


def test_the_offline_build_needs_nothing_from_a_server(offline_site: Path) -> None:
    assert (offline_site / "search" / "search_index.js").is_file()
    assert (offline_site / "databases" / "indexing.html").is_file(), "directory URLs are on"
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/javascripts/vendor/iframe-worker-shim.js"' in home
    assert "unpkg.com" not in home


def test_opened_from_disk_it_navigates_and_searches(tab: FileVisit) -> None:
    tab.open("index.html")
    tab.page.locator(".md-tabs a.md-tabs__link", has_text="Databases").click()
    tab.page.wait_for_url(tab.base + "databases/index.html")
    tab.page.wait_for_load_state("load")
    assert tab.page.locator(".md-content h1").inner_text() == "Databases & SQL"
    tab.page.locator("input.md-search__input").click()  # the header's search box
    meta = tab.page.locator(".md-search-result__meta")
    tab.page.wait_for_function(
        "el => el.textContent.includes('Type to start')", arg=meta.element_handle(),
        timeout=30_000)  # the whole index is read from search_index.js first
    tab.page.locator("input.md-search__input").press_sequentially("EXPLAIN QUERY PLAN")
    tab.page.wait_for_function(
        "el => /matching document/.test(el.textContent)", arg=meta.element_handle())
    results = tab.page.locator(".md-search-result__item > a.md-search-result__link")
    top = [results.nth(i).get_attribute("href") or "" for i in range(min(3, results.count()))]
    found = [i for i, href in enumerate(top) if "databases/indexing.html" in href]
    assert found, f"indexing.html not in the first results {top}"
    results.nth(found[0]).click()
    tab.page.wait_for_url(re.compile(re.escape(f"{tab.base}databases/indexing.html")))
    expect(tab.page.locator(".md-content h1")).to_have_text("Indexing")
