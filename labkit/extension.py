"""The Python-Markdown extension that puts snippets, outputs, exercises and quizzes on pages.

Load it as `labkit.extension` in `markdown_extensions` (it expects `admonition`,
`pymdownx.details`, `pymdownx.superfences`, `pymdownx.tabbed` and `attr_list`).
Directives, each on a line of its own (inside tabs or admonitions too):

```text
@snippet tour/request_line.py#parse title="Parsing" highlight="split query"
@snippet /.github/workflows/tests.yml      # a leading / : a file of the repository itself
@output tour/request_line.py
@exercise tour.status_class
```

and quiz blocks (see [`labkit.quiz`][labkit.quiz]). Lines inside fenced code are left alone.
Every mistake (an unknown directive or option, a missing file, region or output, an
exercise without checks, a file that is not UTF-8…) is logged as a warning with
`file:line` and a fix (so a strict build fails) and shown on the page in a red box.
"""

from __future__ import annotations

import ast
import difflib
import html
import logging
import re
import shlex
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from labkit import catalog, measure, outputs, paths, quiz, regions, stamp
from labkit.db import ENGINES
from labkit.errors import LabError, read_text
from labkit.paths import display_path, run_command

DIRECTIVES = ("snippet", "output", "exercise")
OPTIONS = {"snippet": ("title", "highlight"), "output": ("engines",), "exercise": ()}
"""The `key="value"` options each directive takes; anything else is a mistake, not ignored."""
DIRECTIVE = re.compile(r"^(?P<indent>\s*)@(?P<name>[a-z]+)\b\s*(?P<args>.*)$")
FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
ANNOTATION = re.compile(r"^\s*\d+\.\s")
RUN_BOX = "\x00lab-run-box"  # where the run box starts in a rendered @snippet


def _annotation_list_end(lines: list[str], start: int) -> int:
    """Index just past an ordered list (code annotations) starting at `start`, if any."""
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines) or not ANNOTATION.match(lines[index]):
        return start
    end = index
    while index < len(lines):
        line = lines[index]
        if line.strip() and not (ANNOTATION.match(line) or line.startswith((" ", "\t"))):
            break
        if line.strip():
            end = index + 1
        index += 1
    return end


@dataclass(frozen=True)
class PageInfo:
    """The page being converted, set by the build so errors can name `file:line`.

    Attributes:
        path: The Markdown file.
        offset: Lines removed from its top (front matter) before conversion.
    """

    path: Path
    offset: int = 0


current_page: ContextVar[PageInfo | None] = ContextVar("labkit_current_page", default=None)


LANGUAGES = {
    ".py": "python", ".js": "javascript", ".mjs": "javascript", ".ts": "typescript",
    ".java": "java", ".rb": "ruby", ".go": "go", ".sql": "sql", ".sh": "bash",
    ".toml": "toml", ".yml": "yaml", ".yaml": "yaml", ".json": "json", ".ini": "ini",
    ".cfg": "ini", ".html": "html", ".txt": "text", "Dockerfile": "dockerfile",
    ".dockerignore": "text", "Makefile": "make",
}
"""What a supporting file (in a sub-folder of a chapter) may be, and how it is highlighted."""


def language_of(path: Path) -> str | None:
    """The highlighting language of a file shown with `@snippet`, or None if not supported."""
    return LANGUAGES.get(path.suffix) or LANGUAGES.get(path.name)


def _snippet_for(path: Path) -> catalog.Snippet:
    if not path.is_file():
        raise LabError(path, 0, "snippet file not found",
                       "give the path relative to snippets/, e.g. tour/request_line.py")
    if path.parent.parent != paths.SNIPPETS or path.name.startswith("_"):
        raise LabError(path, 0, "not a snippet module",
                       "snippets live in snippets/<chapter>/<topic>.py")
    snippet = catalog.Snippet(path)
    try:
        snippet.engines  # noqa: B018 (parses the file)
    except SyntaxError as error:
        raise LabError(path, error.lineno or 0, f"syntax error: {error.msg}",
                       "fix the Python so the file runs") from error
    return snippet


class LabPreprocessor(Preprocessor):
    """Replaces directives and quiz blocks with Markdown and stashed HTML."""

    def __init__(self, md: Markdown, logger: str) -> None:
        super().__init__(md)
        self.log = logging.getLogger(logger)

    # -- plumbing -------------------------------------------------------------------
    def _where(self, index: int) -> str:
        page = current_page.get()
        if page is None:
            return f"<page>:{index + 1}"
        return f"{display_path(page.path)}:{index + 1 + page.offset}"

    def _page_name(self) -> str:
        page = current_page.get()
        return str(page.path) if page else "<page>"

    def _page_line(self, index: int) -> int:
        page = current_page.get()
        return index + 1 + (page.offset if page else 0)

    def _stash(self, indent: str, text: str) -> list[str]:
        return ["", indent + self.md.htmlStash.store(text), ""]

    def _fail(self, index: int, line: str, error: LabError, indent: str) -> list[str]:
        message = f"{self._where(index)}: {line.strip()}\n    {error}"
        if error.location.startswith(self._where(index)):
            message = str(error)
        self.log.warning(message)
        box = (
            '<div class="admonition failure lab-error"><p class="admonition-title">'
            f"This part of the page could not be built</p><pre>{html.escape(message)}</pre></div>"
        )
        return self._stash(indent, box)

    # -- the pass over the page -----------------------------------------------------
    def run(self, lines: list[str]) -> list[str]:
        self.shown: set[Path] = set()
        self.engines: set[str] = set()
        text = "\n".join(lines)
        plain = "@" not in text and "///" not in text  # no directive nor quiz: skip the pass
        out: list[str] = list(lines) if plain else []
        fence = ""
        index = len(lines) if plain else 0
        while index < len(lines):
            line = lines[index]
            if fence:
                out.append(line)
                if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                    fence = ""
                index += 1
                continue
            if opened := FENCE.match(line):
                fence = opened["fence"]
                out.append(line)
                index += 1
                continue
            if start := quiz.START.match(line):
                index = self._quiz(lines, index, start, out)
                continue
            directive = DIRECTIVE.match(line)
            if directive and directive["args"]:
                produced = self._directive(index, line, directive)
                if RUN_BOX in produced:
                    # Material's code annotations must follow the code block directly,
                    # so the run box goes after an annotation list if there is one.
                    split = produced.index(RUN_BOX)
                    end = _annotation_list_end(lines, index + 1)
                    annotations = [*lines[index + 1 : end], ""]
                    out.extend([*produced[:split], *annotations, *produced[split + 1 :]])
                    index = end
                    continue
                out.extend(produced)
            else:
                out.append(line)
            index += 1
        if self.shown:
            tested = stamp.line(self.shown, self.engines)
            out.extend(self._stash("", f'<div class="lab-stamp">Tested with {html.escape(tested)}'
                                   " — every snippet on this page ran in the test suite.</div>"))
        while out and not out[-1].strip():
            out.pop()  # a trailing blank line would keep the last placeholder in a <p>
        return out

    def _quiz(self, lines: list[str], index: int, start: re.Match[str], out: list[str]) -> int:
        end = next((i for i in range(index + 1, len(lines)) if quiz.END.match(lines[i])), None)
        indent = start["indent"]
        if end is None:
            error = LabError(self._page_name(), self._page_line(index),
                             "quiz block is never closed", "end it with a line `///`")
            out.extend(self._fail(index, lines[index], error, indent))
            return index + 1
        try:
            questions = quiz.parse(lines[index + 1 : end], self._page_line(index + 1),
                                   self._page_name())
            rendered = quiz.render(questions, start["title"] or "")
            out.extend(self._stash(indent, _unsearchable(rendered)))
        except LabError as error:
            out.extend(self._fail(index, lines[index], error, indent))
        return end + 1

    def _directive(self, index: int, line: str, match: re.Match[str]) -> list[str]:
        name, indent = match["name"], match["indent"]
        try:
            if name not in DIRECTIVES:
                close = difflib.get_close_matches(name, DIRECTIVES, n=1)
                if not close:
                    return [line]  # ordinary text that happens to start with @word
                raise LabError(self._page_name(), self._page_line(index),
                               f"unknown directive @{name}", f"did you mean @{close[0]}?")
            words = shlex.split(match["args"])
            target = words[0]
            for word in words[1:]:
                key = word.partition("=")[0]
                if "=" not in word or key not in OPTIONS[name]:
                    allowed = " ".join(f'{k}="…"' for k in OPTIONS[name]) or "none"
                    close = difflib.get_close_matches(key, OPTIONS[name], n=1)
                    hint = f"did you mean {close[0]}=? " if close else ""
                    raise LabError(self._page_name(), self._page_line(index),
                                   f"@{name} has no option {word!r}",
                                   f"{hint}options of @{name}: {allowed}")
            options = dict(word.split("=", 1) for word in words[1:])
            handler = getattr(self, f"_render_{name}")
            produced: list[str] = handler(target, options)
            return [indent + text if text and text != RUN_BOX else text for text in produced]
        except LabError as error:
            return self._fail(index, line, error, indent)
        except catalog.UnknownName as error:
            problem = LabError(self._page_name(), self._page_line(index), str(error.args[0]),
                               "use a name that `python -m snippets list` shows")
            return self._fail(index, line, problem, indent)
        except ValueError as error:
            problem = LabError(self._page_name(), self._page_line(index),
                               f"cannot read the directive: {error}",
                               'write it as @snippet path.py#region title="…" highlight="name"')
            return self._fail(index, line, problem, indent)

    # -- directives -----------------------------------------------------------------
    def _code_fence(self, code: str, lang: str, attrs: str) -> list[str]:
        ticks = "`" * max(3, 1 + max((len(r) for r in re.findall(r"`+", code)), default=0))
        return [f"{ticks} {{ .{lang} {attrs}}}", *code.rstrip("\n").split("\n"), ticks]

    def _render_snippet(self, target: str, options: dict[str, str]) -> list[str]:
        ref, _, region = target.partition("#")
        # `/Dockerfile`, `/.github/workflows/tests.yml`: a file of the repository itself
        path = paths.ROOT / ref[1:] if ref.startswith("/") else paths.SNIPPETS / ref
        runnable = path.parent.parent == paths.SNIPPETS and not path.name.startswith("_")
        if runnable:
            snippet = _snippet_for(path)
            self.engines.update(snippet.engines)
        elif not path.is_file():
            raise LabError(path, 0, "snippet file not found",
                           "give the path relative to snippets/, e.g. tour/request_line.py")
        elif language_of(path) is None:
            raise LabError(path, 0, f"the site cannot show a '{path.suffix or path.name}' file",
                           f"use one of: {', '.join(sorted(LANGUAGES))}, or add the type to "
                           "LANGUAGES in labkit/extension.py")
        source = regions.load(path)
        highlight = tuple(options.get("highlight", "").split())
        excerpt = source.excerpt(region or None, highlight)
        self.shown.add(path)
        title = options.get("title") or display_path(path)
        attrs = f'title="{title.replace(chr(34), "&quot;")}" '
        if excerpt.highlights:
            attrs += f'hl_lines="{" ".join(map(str, excerpt.highlights))}" '
        code = self._code_fence(excerpt.code, language_of(path) or "python", attrs)
        if not runnable:  # a file a snippet uses (a migration, a config): shown, not run
            return ["", *code, ""]
        engine = "sqlite" if "sqlite" in snippet.engines else snippet.engines[0]
        command = outputs.engine_prefix(engine) + run_command(snippet.module)
        # data-search-exclude: boilerplate, kept out of the search index (so are outputs)
        run_box = self._code_fence(command, "bash",
                                   '.lab-run title="Run it yourself" data-search-exclude="" ')
        return ["", *code, "", RUN_BOX, *run_box, ""]

    def _render_output(self, target: str, options: dict[str, str]) -> list[str]:
        snippet = _snippet_for(paths.SNIPPETS / target)
        chosen = options.get("engines", " ".join(snippet.engines)).split()
        for engine in chosen:
            if engine not in snippet.engines:
                raise LabError(snippet.path, 0, f"{snippet.name} does not run on {engine}",
                               "add it to ENGINES in the module, or drop it from engines=")
        boxes = [(e, _output_box(snippet, e, outputs.fresh(snippet, e))) for e in chosen]
        if len(boxes) == 1:
            return self._stash("", boxes[0][1])
        lines: list[str] = []
        for engine, box in boxes:
            lines += [f'=== "{ENGINES[engine].label}"', ""]
            lines += ["    " + text if text else text for text in self._stash("", box)]
        return ["", *lines, ""]

    def _render_exercise(self, target: str, options: dict[str, str]) -> list[str]:
        exercise = catalog.find_exercise(target)
        for needed in (exercise.checks, exercise.solution):
            if not needed.is_file():
                raise LabError(exercise.stub, 0, f"exercise lacks {needed.name}",
                               f"add {display_path(needed)}")
        checks = ast.parse(read_text(exercise.checks))
        if not any(isinstance(node, ast.FunctionDef) and node.name.startswith("check_")
                   for node in checks.body):
            raise LabError(exercise.checks, 0, "checks module defines no check_* function, "
                           "so every answer would pass",
                           "add at least one function check_<what>(module) that asserts")
        doc = ast.get_docstring(ast.parse(read_text(exercise.stub))) or ""
        heading, _, body = doc.strip().partition("\n")
        stub = regions.load(exercise.stub).excerpt().code
        solution = regions.load(exercise.solution).excerpt().code
        block = [
            f'!!! example "Exercise: {heading.strip() or exercise.name}"', "",
            *[f"    {text}" if text else "" for text in body.strip().split("\n")], "",
            f"    Open `{display_path(exercise.stub)}`, write your answer where it says "
            "`NotImplementedError`, then check it:", "",
            *["    " + t for t in self._code_fence(
                f"python -m snippets check {exercise.name}", "bash", "")], "",
            '    ??? abstract "The file you start from"', "",
            *["        " + t for t in self._code_fence(
                stub, "python",
                f'title="{display_path(exercise.stub)}" data-search-exclude="" ')], "",
            '    ??? success "A reference solution (try it yourself first)"', "",
            *["        " + t for t in self._code_fence(
                solution, "python",
                f'title="{display_path(exercise.solution)}" data-search-exclude="" ')], "",
            # progress.js shows the box and remembers it in the browser
            *["    " + t if t else t for t in self._stash("", (
                '<p class="lab-done" data-search-exclude hidden><label><input type="checkbox" '
                f'data-lab-exercise="{html.escape(exercise.name)}"> '
                "I&rsquo;ve done this exercise</label></p>"))],
        ]
        return ["", *block, ""]


def _unsearchable(quiz_html: str) -> str:
    """The quiz, its questions marked to stay out of the search index (a result would give the
    answers away). Material's search parser tells elements apart by tag name only, so a marked
    element must hold none of its own tag: the quiz's `<div>` holds `<div>`s, a `<fieldset>`
    holds no `<fieldset>`."""
    return quiz_html.replace("<fieldset ", "<fieldset data-search-exclude ")


def _output_box(snippet: catalog.Snippet, engine: str, recorded: outputs.Recorded) -> str:
    values = measure.find(recorded.text)
    note = ""
    if values:
        note = (
            '<p class="lab-output__note" data-search-exclude>Highlighted figures were measured '
            f"when this output was recorded ({html.escape(recorded.recorded_on)}); they vary "
            "from run to run, and the test suite checks each against the claim shown when you "
            "hover it.</p>"
        )

    def mark(match: re.Match[str]) -> str:
        return (
            f'<mark class="lab-measured" title="measured; the page claims {match["claim"]}">'
            f"{match['value']}</mark>"
        )

    body = measure.MARKER.sub(mark, html.escape(recorded.text, quote=False))
    env = outputs.engine_prefix(engine)
    return (
        f'<div class="lab-output" data-engine="{engine}">'
        '<p class="lab-output__head" data-search-exclude>'
        f"Output of <code>{env}{run_command(snippet.module)}</code> (recorded run)</p>"
        f"<pre data-search-exclude><code>{body}</code></pre>{note}</div>"
    )


CODE_BLOCK = re.compile(r"<code>[^<]*(?:<(?!/code>)[^<]*)*</code>")
"""A `<code>` element up to the first `</code>` (written out: three times faster than `.*?`)."""
LINE_ID = re.compile(r"__(codelineno|span)-\d+-")


class UniqueLineIds(Postprocessor):
    """Number the line anchors of every code block on the page once, in page order.

    pymdownx.highlight numbers code blocks per Markdown conversion, and mkdocstrings converts
    each docstring on its own, so an API reference page repeats `__codelineno-0-1` for every
    docstring example: duplicate ids, which HTML forbids and which break `#line` links.
    """

    def run(self, text: str) -> str:
        if "__codelineno-" not in text and "__span-" not in text:
            return text  # no numbered code lines (most docstrings): nothing to renumber
        counter = iter(range(10**9))

        def renumber(block: re.Match[str]) -> str:
            if not LINE_ID.search(block.group(0)):
                return block.group(0)
            number = next(counter)
            return LINE_ID.sub(lambda m: f"__{m.group(1)}-{number}-", block.group(0))

        return CODE_BLOCK.sub(renumber, text)


class LabExtension(Extension):
    """Registers the preprocessor ahead of superfences and snippets."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "logger": ["mkdocs.labkit", "Logger that receives build errors (warnings)."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(LabPreprocessor(md, self.getConfig("logger")), "labkit", 29)
        # After the raw-HTML postprocessor (30), so that stashed HTML (mkdocstrings) is in.
        md.postprocessors.register(UniqueLineIds(md), "labkit-line-ids", 5)


def makeExtension(**kwargs: Any) -> LabExtension:
    """Entry point used by Python-Markdown for `labkit.extension`."""
    return LabExtension(**kwargs)

