"""The glossary: terms defined once in `docs/glossary.md`, shown as tooltips on every page.

Load it as `labkit.glossary` in `markdown_extensions` (it expects `def_list`). It is a plain
Python-Markdown extension, so it runs under any generator, hooks or not.

The glossary page is the only source of the terms. Under a `## ` heading, every entry is a
definition list item: the term on a line of its own, then its definition, which ends with a
link to the page that teaches it; an optional second definition starting `Also:` lists other
spellings (plurals, the expansion of an abbreviation), separated by commas:

```markdown
## APIs

Idempotent
:   Doing it twice leaves the server as doing it once did. See [HTTP](apis/http.md#methods).
:   Also: idempotency, idempotence
```

On every other page, the first occurrence of each term (or alias) in running text becomes
`<abbr class="lab-term" title="definition" tabindex="0">`: Material's `content.tooltips`
shows the definition on hover and on keyboard focus. Headings, code, links, existing
abbreviations, admonition titles, tab labels and the HTML our own extension writes (quizzes,
outputs, the lesson card) are left alone. Terms in capitals (`REST`, `JWT`) match only in
capitals; all others match in any case, as whole words.

A term without a definition, a definition without its link, or (when no hooks check links,
as under Zensical) a link to a page or heading that does not exist is logged as a warning
with `docs/glossary.md:line`, and shown in a red box on the glossary page.
"""

from __future__ import annotations

import logging
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.toc import slugify
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from labkit import links, paths
from labkit.errors import LabError, read_text
from labkit.extension import current_page

PAGE = "glossary.md"
"""The glossary page, relative to `docs/`."""
HEADING = re.compile(r"^ {0,3}#{1,6}\s")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
DEFINITION = re.compile(r"^ {0,3}:[ \t]+(?P<text>.*)$")
ALSO = re.compile(r"^Also:\s*(?P<aliases>.*)$")
SEE = re.compile(r"\s*See \[(?P<label>[^\]]+)\]\((?P<target>[^)\s]+)\)\.?\s*$")
MARKUP = re.compile(r"\[(?P<text>[^\]]*)\]\([^)]*\)|[`*]|(?<!\w)_|_(?!\w)")
SKIP_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "code", "pre", "kbd",
                       "samp", "script", "style", "label", "summary", "dfn", "button", "dt"})
SKIP_CLASSES = frozenset({"admonition-title", "tabbed-labels", "mermaid", "lab-card",
                          "lab-quiz", "lab-output", "lab-error", "lab-stamp", "lab-term"})
"""Elements whose text is never a tooltip: headings, code, links, labels and our own HTML."""


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    Attributes:
        name: The term as the glossary writes it.
        definition: The definition as plain text (the tooltip), without its "See" link.
        page: The page that teaches it, relative to `docs/`, with any `#anchor`.
        line: Where the term is written in the glossary.
        aliases: Other spellings that get the same tooltip.
    """

    name: str
    definition: str
    page: str
    line: int
    aliases: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """The term's anchor on the glossary page (`glossary/#n1-query`)."""
        return slugify(self.name, "-")

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name and its aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Glossary:
    """The parsed glossary: its terms, and the mistakes found in it."""

    path: Path
    terms: tuple[Term, ...]
    errors: tuple[LabError, ...]
    body: str = ""

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """One expression for every spelling, longest first, whole words only."""
        words = sorted({s for t in self.terms for s in t.spellings}, key=len, reverse=True)
        if not words:
            return None
        parts = [re.escape(w) if _exact(w) else f"(?i:{re.escape(w)})" for w in words]
        return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")

    @cached_property
    def by_spelling(self) -> dict[str, Term]:
        """Each spelling (lower case unless it must match exactly) -> its term."""
        return {_key(s): t for t in self.terms for s in t.spellings}

    def term_for(self, word: str) -> Term | None:
        """The term a matched word belongs to."""
        return self.by_spelling.get(word) or self.by_spelling.get(word.lower())


def _exact(word: str) -> bool:
    """Terms with two capitals or more (`REST`, `ETag`, `OAuth 2.0`) match only as written."""
    return sum(c.isupper() for c in word) >= 2


def _key(word: str) -> str:
    return word if _exact(word) else word.lower()


def plain(markdown: str) -> str:
    """A definition's Markdown as the plain text a tooltip shows."""
    return " ".join(MARKUP.sub(lambda m: m["text"] or "", markdown).split())


def _split_front_matter(text: str) -> tuple[list[str], int]:
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return lines[number + 1 :], number + 1
    return lines, 0


@lru_cache(maxsize=8)
def parse(path: Path, text: str, check_links: bool = True) -> Glossary:
    """Parse the glossary `text` (the contents of `path`); cached by those contents.

    Args:
        path: The glossary file, for error messages and relative links.
        text: Its contents.
        check_links: Check that each "See" link leads to a page and heading of the site.
    """
    lines, offset = _split_front_matter(text)
    errors: list[LabError] = []
    terms: list[Term] = []
    seen: dict[str, int] = {}
    in_entries = False
    fence = ""
    index = 0
    while index < len(lines):
        line, number = lines[index], index + 1 + offset
        index += 1
        if opened := FENCE.match(line):
            fence = "" if fence else opened.group(1)
            continue
        if fence:
            continue
        if HEADING.match(line):
            in_entries = line.lstrip().startswith("## ")
            continue
        if not in_entries or not line.strip() or line.startswith((" ", "\t")) or \
                DEFINITION.match(line):
            continue
        # a term: one line, then its definitions (a blank line between is allowed)
        definitions: list[tuple[int, str]] = []
        look = index
        while look < len(lines) and not lines[look].strip():
            look += 1
        while look < len(lines) and (found := DEFINITION.match(lines[look])):
            start, parts = look, [found["text"]]
            look += 1
            while look < len(lines) and lines[look].startswith((" ", "\t")) and \
                    lines[look].strip() and not DEFINITION.match(lines[look]):
                parts.append(lines[look].strip())
                look += 1
            definitions.append((start + 1 + offset, " ".join(parts)))
        name = line.strip()
        if not definitions or not definitions[0][1].strip():
            errors.append(LabError(path, number, f"glossary term '{name}' has no definition",
                                   "write it on the next line: `:   One or two sentences. "
                                   "See [The page](chapter/page.md#heading).`"))
            continue
        index = look
        term = _term(path, name, number, definitions, errors, check_links)
        if term is None:
            continue
        for spelling in term.spellings:
            if _key(spelling) in seen:
                errors.append(LabError(path, number, f"'{spelling}' is already a glossary term "
                                       f"or alias (line {seen[_key(spelling)]})",
                                       "define each term once; drop the repeat"))
            seen.setdefault(_key(spelling), number)
        terms.append(term)
    body = "\n".join(lines)
    return Glossary(path, tuple(terms), tuple(errors), body)


def _term(path: Path, name: str, number: int, definitions: list[tuple[int, str]],
          errors: list[LabError], check_links: bool) -> Term | None:
    (line, text), rest = definitions[0], definitions[1:]
    see = SEE.search(text)
    if not see:
        errors.append(LabError(path, line, f"the definition of '{name}' does not end with "
                               "the link to the page that teaches it",
                               "end it with `See [The page](chapter/page.md#heading).`"))
        return None
    definition = plain(text[: see.start()])
    if not definition:
        errors.append(LabError(path, line, f"glossary term '{name}' has no definition",
                               "write one or two sentences before the `See` link"))
        return None
    target = see["target"]
    page = posixpath.normpath(posixpath.join(posixpath.dirname(PAGE), target.partition("#")[0]))
    if check_links and (problem := _dead_link(path, line, target, page)):
        errors.append(problem)
        return None
    aliases: list[str] = []
    for extra_line, extra in rest:
        also = ALSO.match(extra)
        if not also:
            errors.append(LabError(path, extra_line, f"'{name}' has a second definition",
                                   "keep one definition per term; a second one may only "
                                   "list aliases: `:   Also: plural, Expansion`"))
            continue
        aliases += [a.strip() for a in also["aliases"].split(",") if a.strip()]
    anchor = target.partition("#")[2]
    return Term(name, definition, f"{page}#{anchor}" if anchor else page, number,
                tuple(aliases))


def _dead_link(path: Path, line: int, target: str, page: str) -> LabError | None:
    """A "See" link that is not a page of the site, or names a heading it does not have."""
    docs = path.parent
    if "://" in target or not page.endswith(".md"):
        return LabError(path, line, f"link to '{target}': a term links to the course page "
                        "that teaches it", "link to a page under docs/, e.g. apis/http.md")
    if not (docs / page).is_file():
        return LabError(path, line, f"link to '{target}', which is not a page",
                        "link to an existing page, relative to docs/ (e.g. apis/http.md)")
    anchor = target.partition("#")[2]
    if anchor:
        ids = links.anchors(read_text(docs / page))
        if ids is not None and anchor not in ids:
            return links._dead_anchor(path, line, page, anchor, ids)
    return None


def load(docs: Path | None = None) -> Glossary | None:
    """The site's glossary (`docs/glossary.md`), parsed, or None if the site has none.

    Links are checked only when no hooks run (no page is known to `labkit.extension`): in
    MkDocs the hooks already report every dead link of every page, this one included.
    """
    path = (docs or paths.DOCS) / PAGE
    if not path.is_file():
        return None
    try:
        text = read_text(path)
    except LabError as error:
        return Glossary(path, (), (error,))
    return parse(path, text, check_links=current_page.get() is None)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=4)
def _squashed_body(body: str) -> str:
    return _squash(body)


def _is_glossary_text(text: str, body: str) -> bool:
    """Whether `text` is the glossary's body, whitespace aside (cheap for other pages)."""
    squashed = _squashed_body(body)
    head = _squash(text[:400])[:40]
    return squashed.startswith(head) and _squash(text) == squashed


class GlossaryPage(Preprocessor):
    """Notes whether the page being converted is the glossary itself."""

    def __init__(self, md: Markdown, state: dict[str, Any]) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        if "mkdocstrings_headings" in self.md.treeprocessors:
            self.state["glossary"] = None  # a docstring of the API reference: no tooltips
            return lines
        glossary = load()
        page = current_page.get()
        self.state["glossary"] = glossary
        if glossary is None:
            self.state["is_glossary"] = False
        elif page is not None:
            self.state["is_glossary"] = paths.resolved(page.path) == paths.resolved(glossary.path)
        else:  # no hooks: recognise the glossary by its text
            self.state["is_glossary"] = _is_glossary_text("\n".join(lines), glossary.body)
        return lines


class Tooltips(Treeprocessor):
    """Wraps the first occurrence of each term; on the glossary, gives each term its id."""

    def __init__(self, md: Markdown, state: dict[str, Any], logger: str) -> None:
        super().__init__(md)
        self.state = state
        self.log = logging.getLogger(logger)

    def run(self, root: etree.Element) -> None:
        glossary: Glossary | None = self.state.get("glossary")
        if glossary is None:
            return  # no glossary, or a docstring inside the API reference
        if self.state.get("is_glossary"):
            self._glossary_page(root, glossary)
            return
        if glossary.pattern is not None:
            self.used: set[str] = set()
            self._walk(root, glossary)

    def _glossary_page(self, root: etree.Element, glossary: Glossary) -> None:
        names = {t.name: t for t in glossary.terms}
        for dl in root.iter("dl"):
            dl.set("class", (dl.get("class", "") + " lab-glossary").strip())
            for dt in dl.iter("dt"):
                term = names.get("".join(dt.itertext()).strip())
                if term and "id" not in dt.attrib:
                    dt.set("id", term.id)
            for dd in dl.iter("dd"):
                if ALSO.match("".join(dd.itertext()).strip()):
                    dd.set("class", "lab-glossary__also")
        for error in glossary.errors:
            self.log.warning(str(error))
        if glossary.errors:
            box = etree.Element("div", {"class": "admonition failure lab-error"})
            etree.SubElement(box, "p", {"class": "admonition-title"}).text = \
                "The glossary has problems"
            etree.SubElement(box, "pre").text = "\n".join(str(e) for e in glossary.errors)
            root.insert(0, box)

    def _walk(self, element: etree.Element, glossary: Glossary) -> None:
        if element.tag in SKIP_TAGS or SKIP_CLASSES & set(element.get("class", "").split()):
            return
        if element.get("title") is not None:
            return
        if element.text:
            self._wrap(element, None, glossary)
        for child in list(element):
            self._walk(child, glossary)
            if child.tail:
                self._wrap(element, child, glossary)

    def _wrap(self, parent: etree.Element, before: etree.Element | None,
              glossary: Glossary) -> None:
        """Wrap terms in `parent.text` (or in `before.tail`), first occurrences only."""
        assert glossary.pattern is not None
        holder = before
        text = parent.text if before is None else before.tail
        position = 0 if before is None else list(parent).index(before) + 1
        while text:
            found = None
            for match in glossary.pattern.finditer(text):
                term = glossary.term_for(match.group(0))
                if term is not None and term.name not in self.used:
                    found = match, term
                    break
            if found is None:
                return
            match, term = found
            self.used.add(term.name)
            abbr = etree.Element("abbr", {"class": "lab-term", "title": term.definition,
                                          "tabindex": "0"})
            abbr.text = match.group(0)
            abbr.tail = text[match.end():]
            if holder is None:
                parent.text = text[: match.start()]
            else:
                holder.tail = text[: match.start()]
            parent.insert(position, abbr)
            holder, position, text = abbr, position + 1, abbr.tail


class GlossaryExtension(Extension):
    """Registers the page check (a preprocessor) and the tooltips (a treeprocessor)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "logger": ["mkdocs.labkit", "Logger that receives the glossary's errors."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        state: dict[str, Any] = {}
        md.preprocessors.register(GlossaryPage(md, state), "labkit-glossary-page", 28)
        # After abbr (7) and attr_list (8), so their elements are there to be skipped.
        md.treeprocessors.register(Tooltips(md, state, self.getConfig("logger")),
                                   "labkit-glossary", 6)


def makeExtension(**kwargs: Any) -> GlossaryExtension:
    """Entry point used by Python-Markdown for `labkit.glossary`."""
    return GlossaryExtension(**kwargs)


__all__ = ["Glossary", "GlossaryExtension", "Term", "load", "makeExtension", "parse", "plain"]
