"""What search engines, a static host and a reviewer get from the strict build: a sitemap of
every page, a 404 page whose links work at any depth, served with status 404, and the
screenshots script's eight PNGs.

No robots.txt: crawlers read it only at the root of a host, and the site is published below
one (a GitHub Pages project site), so a robots.txt in docs/ would never be read. The sitemap
is submitted to search engines directly instead. Lighthouse's robots.txt audit passes when
the file is missing (a 404 answer).
"""

from __future__ import annotations

import gzip
import re
import struct
import subprocess
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from labkit import screenshots
from labkit.static import serve_site
from tests.support import REPO, build, require_browser

pytestmark = pytest.mark.xdist_group("sharing")  # one worker, one build of the site

SITE_URL = "https://docs.example.org/course/"
"""Built for an address below a host's root, as on GitHub Pages, and unlike the default."""
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CHAPTERS = ("languages/", "databases/", "apis/", "security/", "devops/")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sharing-site")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", SITE_URL)
        result = build(REPO, out)
    assert result.returncode == 0, result.stderr
    return out


def page_addresses(site: Path) -> set[str]:
    """The public address of every page of the built site."""
    pages = (page.relative_to(site).parent.as_posix() for page in site.rglob("index.html"))
    return {SITE_URL if folder == "." else f"{SITE_URL}{folder}/" for folder in pages}


def sitemap_locations(xml: bytes) -> list[str]:
    """The `<loc>` of every `<url>` in a sitemap."""
    root = ET.fromstring(xml)
    assert root.tag == f"{SITEMAP}urlset"
    return [url.findtext(f"{SITEMAP}loc", "") for url in root.iter(f"{SITEMAP}url")]


def test_the_sitemap_lists_every_page_under_site_url(site: Path) -> None:
    xml = (site / "sitemap.xml").read_bytes()
    locations = sitemap_locations(xml)
    assert len(locations) == len(set(locations)), "a page is listed twice"
    assert set(locations) == page_addresses(site)
    assert len(locations) >= 1 + len(CHAPTERS)
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == xml


def test_no_robots_txt_below_the_host_root(site: Path) -> None:
    assert not (site / "robots.txt").exists(), "see this module's docstring"


def not_found_links(html: str) -> list[str]:
    """The links of the 404 page's list of places to start."""
    listing = re.search(r'<ul class="lab-not-found">(.*?)</ul>', html, re.S)
    assert listing, "404.html has no list of places to start"
    return re.findall(r'href="([^"]+)"', listing.group(1))


def test_the_404_page_links_work_from_any_depth(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    base = urlsplit(SITE_URL).path
    links = not_found_links(html)
    assert base in links
    assert [f"{base}{chapter}" for chapter in CHAPTERS] == [
        link for link in links if link.removeprefix(base) in CHAPTERS]
    for link in links:
        assert link.startswith(base), f"{link} is relative: it breaks below the top folder"
        assert (site / link.removeprefix(base) / "index.html").is_file(), link
    search = re.search(r'<form [^>]*action="([^"]+)"[^>]*role="search"', html)
    assert search and search.group(1) == base, "no search form that opens the home page"
    assert 'name="q"' in html
    assert 'href="https://github.com/backend-skills-lab/backend-skills-lab/issues/new' in html
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert stylesheets and all(s.startswith(base) for s in stylesheets), stylesheets


def test_the_static_host_answers_a_missing_page_with_the_404_page(site: Path) -> None:
    with serve_site(site) as url:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(f"{url}databases/nope/deeper/", timeout=10)
        assert answer.value.code == 404
        assert answer.value.headers["Content-Type"] == "text/html"
        assert answer.value.read() == (site / "404.html").read_bytes()
        with urllib.request.urlopen(f"{url}databases/", timeout=10) as found:
            assert found.status == 200


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG file's header (its IHDR chunk)."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is no PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.browser
def test_the_screenshots_script_writes_eight_pngs_of_one_viewport(
    site: Path, tmp_path: Path,
) -> None:
    require_browser()
    result = subprocess.run(
        [sys.executable, "-m", "labkit.screenshots", "--site", str(site), "--out", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    expected = {
        screenshots.file_name(page, viewport, scheme): size
        for page in screenshots.PAGES
        for viewport, size in screenshots.VIEWPORTS.items()
        for scheme in screenshots.SCHEMES
    }
    assert len(expected) == 8
    assert {path.name for path in tmp_path.iterdir()} == set(expected)
    for name, size in expected.items():
        assert png_size(tmp_path / name) == size, name
