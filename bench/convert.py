"""Turn a project into the bare-Material baseline: the same pages with every directive
rendered into plain Markdown, built with the same theme and extensions but no hooks and no
`labkit.extension`.

The rendering is labkit's own: `PlainPreprocessor` is the extension's preprocessor with the
three parts that produce stashed HTML (outputs, quizzes, the stamp) turned into plain
Markdown, so snippet regions, highlights, run boxes and exercises come out exactly as on the
real site.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import markdown

from bench.course import labkit_root
from labkit import extension, outputs, paths, quiz
from labkit.pagecheck import _body, _Collect, pages

IGNORED = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__",
                                 ".pytest_cache", ".ruff_cache", ".hypothesis", "*.egg-info",
                                 ".cache")


class PlainPreprocessor(extension.LabPreprocessor):
    """The extension's preprocessor, writing plain Markdown instead of stashed HTML."""

    def _stash(self, indent: str, text: str) -> list[str]:
        return ["", indent + text, ""]  # raw HTML in the Markdown (only the "Tested with" line)

    def _render_output(self, target: str, options: dict[str, str]) -> list[str]:
        snippet = extension._snippet_for(paths.SNIPPETS / target)
        lines: list[str] = []
        for engine in options.get("engines", " ".join(snippet.engines)).split():
            text = outputs.fresh(snippet, engine).text
            lines += ["", *self._code_fence(text, "text", f'title="Output ({engine})" ')]
        return [*lines, ""]

    def _quiz(self, lines: list[str], index: int, start: re.Match[str], out: list[str]) -> int:
        end = next(i for i in range(index + 1, len(lines)) if quiz.END.match(lines[i]))
        for question in quiz.parse(lines[index + 1 : end], index + 2, "<page>"):
            out += ["", f"**{question.text}**", ""]
            out += [f"- {answer.text}: {answer.why}" for answer in question.answers]
        out.append("")
        return end + 1


def plain_page(page: Path) -> str:
    """The page (front matter kept) with its directives and quizzes as plain Markdown.

    Raises:
        ValueError: if labkit reports a problem on the page (the baseline must be faithful).
    """
    body, offset = _body(page)
    front = page.read_text(encoding="utf-8").splitlines()[:offset]
    collect = _Collect()
    log = logging.getLogger("bench.convert")
    log.addHandler(collect)
    try:
        converted = PlainPreprocessor(markdown.Markdown(), "bench.convert").run(body.split("\n"))
    finally:
        log.removeHandler(collect)
    if collect.messages:
        raise ValueError(f"{page}: " + "\n".join(collect.messages))
    return "\n".join([*front, *converted]) + "\n"


def bare_config(text: str) -> str:
    """`mkdocs.yml` without the hooks and without `labkit.extension`.

    Every other Markdown extension stays, `labkit.glossary` included: the glossary's tooltips
    are course content that any generator renders (it needs no hooks and reads no snippet), so
    a bare Material site of this course shows them too, and both builds pay for them. What the
    benchmark weighs is the machinery that makes pages from snippets and checks them.
    """
    text = re.sub(r"^hooks:\n(?:  - .*\n)+\n?", "", text, flags=re.M)
    return re.sub(r"^  - labkit\.extension\n", "", text, flags=re.M)


def bare_project(source: Path, target: Path) -> Path:
    """Copy the project at `source` to `target` as the bare-Material baseline."""
    shutil.copytree(source, target, ignore=IGNORED, symlinks=True)
    config = target / "mkdocs.yml"
    config.write_text(bare_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    with labkit_root(source):
        for page in pages(source / "docs"):
            (target / page.relative_to(source)).write_text(plain_page(page), encoding="utf-8")
    return target
