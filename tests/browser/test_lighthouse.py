"""Lighthouse scores (mobile preset): performance >= 95, accessibility, best practices and SEO
100, on the home page and each chapter's landing page (`labkit.lighthouse.PAGES`); the longest
lesson of each chapter (`LONG_LESSONS`) at target but for performance, held at its floor.

The report test checks the committed `reports/lighthouse.json` (all pages, every category,
performance included), written by `make lighthouse` on a quiet machine; the live test measures
the target pages on the site the browser tests build, for the categories timing cannot sway.
"""

from __future__ import annotations

import json
import os

import pytest

from labkit import lighthouse
from tests.support import REPO

REPORT = REPO / "reports" / "lighthouse.json"


def chapters() -> set[str]:
    """The chapter folders: folders of docs/ with an index page and lessons beside it."""
    docs = REPO / "docs"
    return {index.parent.name for index in docs.glob("*/index.md")
            if len(list(index.parent.glob("*.md"))) > 1} - {"reference"}


def test_the_measured_pages_cover_home_and_every_chapter() -> None:
    assert "" in lighthouse.PAGES
    for pages in (lighthouse.PAGES, lighthouse.LONG_LESSONS):
        assert {path.split("/")[0] for path in pages if path} == chapters()


def test_the_committed_report_meets_the_thresholds() -> None:
    assert REPORT.exists(), "run `make lighthouse` and commit reports/"
    data = json.loads(REPORT.read_text(encoding="utf-8"))
    assert {page["path"] for page in data["pages"]} == {*lighthouse.PAGES,
                                                        *lighthouse.LONG_LESSONS}
    assert all(len(page["runs"]) >= 3 for page in data["pages"]), "median of 3 runs or more"
    shortfalls = [f"/{page['path']}: {category} {score} < {limit}"
                  for page in data["pages"] for category, score in page["scores"].items()
                  if score < (limit := lighthouse.thresholds_for(page["path"])[category])]
    assert not shortfalls, "\n".join(shortfalls)
    assert (REPORT.parent / "lighthouse.md").exists()


TIMING_FREE = ("accessibility", "best-practices", "seo")
"""The categories whose scores do not depend on how busy the machine is. Performance is a
timing: the suite runs it beside other tests on two cores, where a busy CPU inflates the
blocking time Lighthouse simulates (a landing page measured 98 on a quiet machine and 83
during the suite). So, as the developers' guide asks of every timing, performance is held by
the committed report, measured on a quiet machine by `make lighthouse` (the test above)."""


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.parametrize("path", list(lighthouse.PAGES), ids=lambda p: p or "home")
def test_lighthouse_scores(site_url: str, path: str) -> None:
    """One live run of each target page: accessibility, best practices and SEO at target."""
    reason = lighthouse.missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}, and CI is set")
        pytest.skip(reason)
    result = lighthouse.measure_page(site_url, path, runs=1)
    wanted = lighthouse.thresholds_for(path)
    shortfalls = [f"/{path}: {category} {result.scores[category]} < {wanted[category]} "
                  f"(losing: {', '.join(result.median.losing) or 'nothing'})"
                  for category in TIMING_FREE if result.scores[category] < wanted[category]]
    assert not shortfalls, "\n".join(shortfalls)
