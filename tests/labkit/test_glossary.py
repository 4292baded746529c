"""The glossary extension on its own, and the site's glossary against the site's pages."""

from __future__ import annotations

import logging
import re
import textwrap
from pathlib import Path

import markdown
import pytest

from labkit import glossary, paths
from labkit.extension import PageInfo, current_page
from labkit.pagecheck import pages as site_pages

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "toc", "pymdownx.superfences",
              "labkit.extension", "labkit.glossary"]
GLOSSARY = """\
---
kind: overview
title: Glossary
description: Every term of the test site, defined once, with the page that teaches it.
---

Terms of the test site.

## Web

Idempotent
:   Sending it twice does what sending it once did. See [HTTP](http.md#methods).
:   Also: idempotency

REST
:   A style of API built on resources. See [HTTP](http.md).

N+1 query
:   One query per item of a list. See [HTTP](http.md).
:   Also: N+1 queries
"""
HTTP = "---\ntitle: HTTP\n---\n\n## Methods\n\nText.\n"


@pytest.fixture
def site(project: Path) -> Path:
    """A project whose docs/ holds a glossary and the page it links to."""
    (project / "docs" / "glossary.md").write_text(GLOSSARY)
    (project / "docs" / "http.md").write_text(HTTP)
    return project


def render(text: str, page: Path | None = None) -> str:
    token = current_page.set(PageInfo(page) if page else None)
    try:
        return markdown.markdown(textwrap.dedent(text), extensions=EXTENSIONS)
    finally:
        current_page.reset(token)


def terms(html: str) -> list[tuple[str, str]]:
    """(word, title) of every tooltip on the page, in order."""
    return re.findall(r'<abbr class="lab-term" tabindex="0" title="([^"]*)">([^<]*)</abbr>',
                      html)


def test_parse_reads_terms_definitions_links_and_aliases(site: Path) -> None:
    parsed = glossary.load()
    assert parsed is not None and not parsed.errors
    idempotent, rest, n_plus_1 = parsed.terms
    assert idempotent.name == "Idempotent"
    assert idempotent.definition == "Sending it twice does what sending it once did."
    assert idempotent.page == "http.md#methods"
    assert idempotent.aliases == ("idempotency",)
    assert idempotent.line == 11  # file lines, front matter counted
    assert rest.page == "http.md" and rest.aliases == ()
    assert n_plus_1.id == "n1-query"


def test_plain_drops_markdown_markup() -> None:
    assert glossary.plain("Run `EXPLAIN`, *then* [read it](a.md).") == "Run EXPLAIN, then read it."


def test_first_occurrence_only_and_case_insensitive(site: Path) -> None:
    assert [word for _, word in terms(render("IDEMPOTENT, in capitals.\n"))] == ["IDEMPOTENT"]
    html = render("Idempotent requests.\n\nThis one is idempotent too.\n")
    assert [word for _, word in terms(html)] == ["Idempotent"]
    assert terms(html)[0][0] == "Sending it twice does what sending it once did."


def test_whole_words_only(site: Path) -> None:
    html = render("Nonidempotent, idempotently and non-idempotent are not the term.\n")
    assert terms(html) == []


def test_capitals_match_only_in_capitals(site: Path) -> None:
    html = render("Take the rest of the day off.\n\nA REST API.\n")
    assert [word for _, word in terms(html)] == ["REST"]
    assert "the rest of" in html


def test_aliases_and_longest_spelling_win(site: Path) -> None:
    html = render("Retries need idempotency. Watch for N+1 queries.\n")
    assert [word for _, word in terms(html)] == ["idempotency", "N+1 queries"]


def test_an_alias_counts_as_the_term(site: Path) -> None:
    html = render("Idempotency first. Idempotent later.\n")
    assert [word for _, word in terms(html)] == ["Idempotency"]


@pytest.mark.parametrize("text", [
    "## Idempotent methods\n",
    "Call `idempotent()` here.\n",
    "```text\nidempotent\n```\n",
    "See [idempotent calls](http.md).\n",
    '!!! note "Idempotent"\n    Body text.\n',
    "*[REST]: Representational state transfer\n\nREST\n",
])
def test_not_in_headings_code_links_titles_or_abbreviations(site: Path, text: str) -> None:
    assert terms(render(text)) == []


def test_text_after_code_and_inside_emphasis_is_still_read(site: Path) -> None:
    html = render("Use `PUT`, which is *idempotent*, then a REST call.\n")
    assert [word for _, word in terms(html)] == ["idempotent", "REST"]
    assert "<code>PUT</code>, which is <em><abbr" in html


def test_quiz_markup_is_left_alone(site: Path) -> None:
    quiz = ("/// quiz\n" + "".join(
        f"Q: Is GET idempotent {n}?\n+ Yes, REST :: It is idempotent.\n- No :: It is.\n"
        for n in range(5)) + "///\n")
    assert terms(render(quiz)) == []


def test_the_glossary_page_gets_ids_and_no_tooltips(site: Path) -> None:
    page = site / "docs" / "glossary.md"
    body = GLOSSARY.split("---\n", 2)[2]
    for known in (page, None):  # with hooks (the page is known), and without (Zensical)
        html = render(body, known)
        assert terms(html) == []
        assert '<dl class="lab-glossary">' in html
        assert '<dt id="idempotent">Idempotent</dt>' in html
        assert '<dt id="n1-query">N+1 query</dt>' in html
        assert '<dd class="lab-glossary__also">Also: idempotency</dd>' in html


def test_no_glossary_no_tooltips(project: Path) -> None:
    assert glossary.load() is None
    assert terms(render("Idempotent REST.\n")) == []


def test_the_parse_is_cached_by_contents(site: Path) -> None:
    assert glossary.load() is glossary.load()
    path = site / "docs" / "glossary.md"
    path.write_text(GLOSSARY.replace("A style of API", "An architectural style"))
    changed = glossary.load()
    assert changed is not None and changed.terms[1].definition.startswith("An architectural")


@pytest.mark.parametrize(("entry", "line", "message"), [
    ("Deadlock\n", 22, "glossary term 'Deadlock' has no definition"),
    ("Deadlock\n:   See [HTTP](http.md).\n", 23, "glossary term 'Deadlock' has no definition"),
    ("Deadlock\n:   Two waiting transactions.\n", 23, "does not end with the link"),
    ("Deadlock\n:   Waiting. See [Gone](gone.md).\n", 23, "link to 'gone.md', which is not a page"),
    ("Deadlock\n:   Waiting. See [HTTP](http.md#nope).\n", 23, "http.md has no heading"),
    ("Deadlock\n:   Waiting. See [RFC](https://example.org/).\n", 23, "a term links to the course"),
    ("Deadlock\n:   Waiting. See [HTTP](http.md).\n:   Again.\n", 24, "has a second definition"),
    ("REST\n:   Again. See [HTTP](http.md).\n", 22, "'REST' is already a glossary term"),
])
def test_mistakes_are_reported_with_file_and_line(site: Path, entry: str, line: int,
                                                  message: str) -> None:
    path = site / "docs" / "glossary.md"
    path.write_text(GLOSSARY + "\n" + entry)
    errors = glossary.load().errors  # type: ignore[union-attr]
    assert len(errors) == 1, errors
    assert errors[0].location == f"docs/glossary.md:{line}"
    assert message in errors[0].message


def test_mistakes_are_logged_and_shown_on_the_glossary_page(
        site: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = site / "docs" / "glossary.md"
    path.write_text(GLOSSARY + "\nDeadlock\n:   Waiting. See [Gone](gone.md).\n")
    body = path.read_text().split("---\n", 2)[2]
    with caplog.at_level(logging.WARNING, logger="mkdocs.labkit"):
        html = render(body)  # no hooks: the extension checks links itself
        tooltips = render("Idempotent.\n")
    assert "docs/glossary.md:23: link to 'gone.md', which is not a page" in caplog.text
    assert "The glossary has problems" in html and "docs/glossary.md:23" in html
    assert len(terms(tooltips)) == 1  # the good terms still work, and other pages log nothing
    assert caplog.text.count("gone.md") == 1


def test_with_hooks_the_links_are_left_to_the_hooks(site: Path) -> None:
    path = site / "docs" / "glossary.md"
    path.write_text(GLOSSARY + "\nDeadlock\n:   Waiting. See [Gone](gone.md).\n")
    token = current_page.set(PageInfo(path))
    try:
        parsed = glossary.load()
    finally:
        current_page.reset(token)
    assert parsed is not None and not parsed.errors  # hooks/lab.py reports dead links


@pytest.mark.parametrize("broken", [False, True])
def test_a_strict_build_fails_on_a_glossary_mistake(tmp_path: Path, broken: bool) -> None:
    """MkDocs with the real config: the mistake is a warning (strict fails), with file:line."""
    from tests.support import build, make_project

    http = HTTP.replace("title: HTTP", "kind: overview\ntitle: HTTP\n"
                        "description: A page for the glossary of this throwaway project to link.")
    entry = "\nDeadlock\n" if broken else ""
    root = make_project(tmp_path / "site", {
        "glossary.md": GLOSSARY + entry, "http.md": http + "\nREST is used here.\n"})
    result = build(root)
    if not broken:
        assert result.returncode == 0, result.stderr
        built = (root / "site" / "http" / "index.html").read_text()
        assert [word for _, word in terms(built)] == ["REST"]
        return
    assert result.returncode != 0
    assert "docs/glossary.md:22: glossary term 'Deadlock' has no definition" in result.stderr
    assert result.stderr.count("'Deadlock' has no definition") == 1  # once, not once a page


# -- the site's own glossary ---------------------------------------------------------------

def test_the_site_glossary_is_valid_and_large_enough() -> None:
    parsed = glossary.parse(paths.DOCS / glossary.PAGE,
                            (paths.DOCS / glossary.PAGE).read_text(encoding="utf-8"))
    assert not parsed.errors, "\n".join(map(str, parsed.errors))
    assert len(parsed.terms) >= 45
    chapters = {t.page.split("/")[0] for t in parsed.terms}
    assert chapters == {"languages", "databases", "apis", "security", "devops"}
    for term in parsed.terms:
        sentences = re.findall(r"[.!?](?:\s|$)", term.definition)
        assert 1 <= len(sentences) <= 2, f"{term.name}: one or two sentences, please"


def test_every_term_appears_on_some_other_page() -> None:
    """A term that no page uses is not needed in the glossary (and gets no tooltip)."""
    parsed = glossary.load(paths.DOCS)
    assert parsed is not None and parsed.pattern is not None
    used: set[str] = set()
    for page in site_pages(paths.DOCS):
        if page.name == glossary.PAGE and page.parent == paths.DOCS:
            continue
        html = markdown.markdown(page.read_text(encoding="utf-8"),
                                 extensions=["def_list", "pymdownx.superfences", "attr_list"])
        text = re.sub(r"<(h\d|code|pre|a)\b.*?</\1>|<[^>]+>", " ", html, flags=re.S)
        used.update(t.name for m in parsed.pattern.finditer(text)
                    if (t := parsed.term_for(m.group(0))))
    unused = sorted({t.name for t in parsed.terms} - used)
    assert not unused, f"docs/glossary.md: terms no page uses: {unused}"
