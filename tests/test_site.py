"""The whole site, built strictly into a temporary folder, and its HTML checked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from labkit import catalog
from tests.support import REPO, build

pytestmark = pytest.mark.xdist_group("site")
DIRECTIVE = re.compile(r"^\s*@(snippet|output|exercise)\s+(\S+)(.*)$", re.M)
ENGINES_OPTION = re.compile(r'engines="([^"]*)"')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build(REPO, out)
    assert result.returncode == 0, result.stderr
    return out


def pages() -> list[Path]:
    docs = REPO / "docs"
    return sorted(p for p in docs.rglob("*.md") if not p.is_relative_to(docs / "assets"))


def html_of(site: Path, page: Path) -> str:
    relative = page.relative_to(REPO / "docs").with_suffix("")
    folder = relative.parent if relative.name == "index" else relative
    return (site / folder / "index.html").read_text(encoding="utf-8")


def directives(page: Path) -> list[tuple[str, str, str]]:
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    return DIRECTIVE.findall(text)


def visible(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(REPO / "docs")))
def test_page_renders_its_snippets_outputs_and_run_boxes(site: Path, page: Path) -> None:
    html = html_of(site, page)
    assert not re.search(r'class="[^"]*\blab-error\b', html), "a directive could not be built"
    assert not re.search(r"<p>@(snippet|output|exercise)\s", html), "an include was left as text"
    found = directives(page)
    snippets_shown = [  # runnable modules; supporting files (in sub-folders, or the
        # repository's own files written /Dockerfile) get no run box
        t for kind, t, _ in found
        if kind == "snippet" and t.count("/") == 1 and not t.startswith("/")
    ]
    assert len(re.findall(r'class="[^"]*\blab-run\b', html)) == len(snippets_shown)
    for target in snippets_shown:
        module = "snippets." + target.split("#")[0].removesuffix(".py").replace("/", ".")
        assert f"python -m {module}" in visible(html)
    expected: dict[str, int] = {}
    for kind, target, options in found:
        if kind == "output":
            snippet = catalog.Snippet(REPO / "snippets" / target)
            chosen = ENGINES_OPTION.search(options)
            engines = chosen.group(1).split() if chosen else snippet.engines
            expected[snippet.module] = expected.get(snippet.module, 0) + len(engines)
    for module, boxes in expected.items():
        assert html.count(f"python -m {module}</code> (recorded run)") == boxes, module
    if snippets_shown:
        assert 'class="lab-stamp">Tested with Python ' in html


def test_lesson_pages_show_their_card(site: Path) -> None:
    html = html_of(site, REPO / "docs" / "how-this-site-works.md")
    card = html[html.index('class="lab-card"'):]
    assert "Beginner" in card and "15 min" in card and "Nothing: you can start here" in card


def test_search_index_has_every_page(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    for page in pages():
        if (get_data(page.read_text(encoding="utf-8"))[1].get("search") or {}).get("exclude"):
            continue  # left out on purpose with `search: {exclude: true}` (CONTRIBUTING.md)
        relative = page.relative_to(REPO / "docs").with_suffix("")
        expected = "" if str(relative) == "index" else (
            f"{relative.parent}/" if relative.name == "index" else f"{relative}/"
        )
        assert expected.replace("./", "") in locations, f"{page} is not searchable"


def test_api_reference_covers_every_snippet_module(site: Path) -> None:
    html = (site / "reference" / "snippets" / "index.html").read_text()
    for snippet in catalog.snippets():
        assert f'id="{snippet.module}"' in html, f"{snippet.module} missing from the reference"


def test_no_page_requests_an_outside_host(site: Path) -> None:
    pattern = re.compile(
        r'<(?:script[^>]+src|img[^>]+src|link[^>]+rel="(?:stylesheet|preload|preconnect|icon)"'
        r'[^>]+href)="(?:https?:)?//', re.I,
    )
    for html in site.rglob("*.html"):
        assert not pattern.search(html.read_text()), f"{html} loads something from outside"
    css_js = [*site.rglob("*.css"), *site.rglob("*.js")]
    for asset in css_js:
        assert "fonts.googleapis.com" not in asset.read_text(errors="ignore"), asset


def test_properdocs_builds_the_site_too(tmp_path: Path) -> None:
    result = build(REPO, tmp_path / "site", tool="properdocs")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "how-this-site-works" / "index.html").exists()


def test_zensical_builds_the_site_with_our_extension(tmp_path: Path) -> None:
    """The exit path: Zensical reads mkdocs.yml and runs labkit.extension (not the hooks).

    What this proves and what it does not is written up in CONTRIBUTING.md ("The generator").
    """
    import os
    import shutil
    import subprocess
    import sys

    for name in ("docs", "snippets", "labkit", "hooks", "overrides"):
        shutil.copytree(REPO / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", tmp_path)
    page = tmp_path / "docs" / "how-this-site-works.md"
    page.write_text(page.read_text() + "\n@snippet tour/request_line.py#no-such-region\n")
    env = {**os.environ, "LAB_ROOT": str(tmp_path), "PYTHONPATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"],
                            cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    tour = (tmp_path / "site" / "how-this-site-works" / "index.html").read_text()
    for feature in ("Run it yourself", 'class="lab-output"', 'class="lab-quiz"',
                    'class="lab-card', "Tested with", 'class="mermaid"'):
        assert feature in tour, f"Zensical's page lacks {feature}"
    reference = (tmp_path / "site" / "reference" / "labkit" / "index.html").read_text()
    assert 'id="labkit.runner"' in reference  # mkdocstrings runs too
    # labkit.glossary: tooltips on a lesson; ids, not tooltips, on the glossary it recognises
    http = (tmp_path / "site" / "apis" / "http" / "index.html").read_text()
    assert re.search(r'<abbr class="lab-term" tabindex="0" title="A request is idempotent', http)
    terms = (tmp_path / "site" / "glossary" / "index.html").read_text()
    assert '<dt id="idempotent">' in terms and 'class="lab-term"' not in terms
    assert "docs/glossary.md:" not in result.stdout + result.stderr  # nothing wrong with it
    # Zensical prints the extension's error but builds anyway (the hooks do not run, and the
    # page is unknown to the extension: "<page>:N"). The generator-free checker catches it.
    assert "no region named 'no-such-region'" in result.stdout + result.stderr
    lines = page.read_text().count("\n")
    checked = subprocess.run([sys.executable, "-m", "snippets", "check-pages"], cwd=tmp_path,
                             env=env, capture_output=True, text=True, timeout=300, check=False)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert f"docs/how-this-site-works.md:{lines}: @snippet" in checked.stdout, checked.stdout


def test_our_markup_has_no_inline_script_and_security_md_has_the_policy(site: Path) -> None:
    """No inline script or javascript: URL but the theme's; SECURITY.md documents the CSP."""
    import material

    from labkit import csp

    templates = Path(material.__file__).parent / "templates"
    theme_text = "".join(p.read_text(encoding="utf-8") for p in templates.rglob("*.html"))
    for page in csp.pages(site):
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(site)
        assert not csp.EVENT_HANDLER.search(html), f"{where}: an inline on...= event handler"
        for url in csp.JAVASCRIPT_URL.finditer(html):  # the theme's share button has one
            assert url.group(0)[url.group(0).index("javascript:"):] in theme_text, (
                f"{where}: a javascript: URL {url.group(0)!r}")
        for body in csp.inline_scripts(html):
            start = body[:20]  # before any URL the theme writes in
            assert start in theme_text, f"{where}: inline script {start!r}"
    documented = re.search(r"<!-- csp: start -->\n```text\n(.*?)\n```",
                              (REPO / "SECURITY.md").read_text(), re.S)
    assert documented, "SECURITY.md: the <!-- csp: start --> block is missing"
    expected = csp.policy(site)
    assert documented.group(1) == expected, (
        "SECURITY.md:1: the Content-Security-Policy is out of date (a theme upgrade changes "
        f"its inline scripts). fix: paste this policy between the csp markers:\n{expected}"
    )


VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
THEME_MARKUP = (
    # (message, markup): errors in Material's own templates, not in our pages
    ("Attribute “autocomplete” is only allowed", 'class="md-toggle"'),
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link'),
    ("must be the ID of a non-hidden form control", 'for="__toc"'),
)


def test_html_is_valid_by_the_nu_html_checker(site: Path) -> None:
    """vnu (npm vnu-jar, on Java): no error in our markup; the theme's known ones listed."""
    import json
    import os
    import shutil
    import subprocess

    if not VNU.exists() or not shutil.which("java"):
        reason = "the Nu HTML checker needs Java and node_modules/vnu-jar (make setup: npm ci)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}, and CI is set")
        pytest.skip(reason)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
         str(site)], capture_output=True, text=True, timeout=600, check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    ours = [m for m in messages if not any(text in m["message"] and markup in m.get("extract", "")
                                           for text, markup in THEME_MARKUP)]
    assert not ours, "\n".join(
        f"{m['url'].removeprefix(site.as_uri())}:{m.get('lastLine')}: {m['message']}\n"
        f"    {m.get('extract', '').strip()}" for m in ours[:30]
    )


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    """A link checker over the built HTML: theme, mkdocstrings and our pages alike."""
    import os
    from urllib.parse import urlsplit

    from labkit import linkcheck

    default = re.search(r'^site_url: !ENV \[SITE_URL, "([^"]+)"\]',
                        (REPO / "mkdocs.yml").read_text(), re.M)
    assert default, "mkdocs.yml: site_url is expected as !ENV [SITE_URL, \"<default>\"]"
    site_url = os.environ.get("SITE_URL") or default.group(1)
    broken = linkcheck.check(site, urlsplit(site_url).path)
    assert not broken, "\n".join(map(str, broken[:40]))
