"""The Markdown extension on its own, as any generator would load it."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import markdown
import pytest

from labkit import outputs, runner
from labkit.extension import PageInfo, current_page
from tests.labkit.test_runner import write_snippet

EXTENSIONS = ["admonition", "attr_list", "pymdownx.details", "pymdownx.superfences",
              "pymdownx.tabbed", "pymdownx.highlight", "labkit.extension"]
CODE = (
    '"""Say hello."""\n\n'
    "def main():\n"
    "    # --8<-- [start:greet]\n"
    "    name = 'reader'\n"
    "    print(f'hello {name}')  # [mark:print]\n"
    "    # --8<-- [end:greet]\n\n"
    "if __name__ == '__main__':\n    main()\n"
)


def render(text: str, page: Path | None = None) -> str:
    token = current_page.set(PageInfo(page, 10) if page else None)
    try:
        html = markdown.markdown(text, extensions=EXTENSIONS)
    finally:
        current_page.reset(token)
    return html


def text_of(html: str) -> str:
    """The text a reader sees, without syntax-highlighting spans."""
    return re.sub(r"<[^>]+>", "", html)


@pytest.fixture
def hello(project: Path):  # type: ignore[no-untyped-def]
    snippet = write_snippet(project, "hello", CODE)
    outputs.write(runner.run(snippet))
    return snippet


def test_snippet_region_with_highlight_and_run_box(hello) -> None:  # type: ignore[no-untyped-def]
    html = render('@snippet demo/hello.py#greet title="Greeting" highlight="print"\n')
    assert "Greeting" in html
    assert 'class="hll"' in html, "the marked line is highlighted"
    assert "--8&lt;--" not in html and "[mark:" not in html
    assert "python -m snippets.demo.hello" in text_of(html) and "lab-run" in html


def test_output_and_stamp(hello) -> None:  # type: ignore[no-untyped-def]
    html = render("@snippet demo/hello.py\n@output demo/hello.py\n")
    assert '<div class="lab-output" data-engine="sqlite">' in html
    assert "hello reader" in html
    assert '<div class="lab-stamp">Tested with Python 3.' in html
    assert "<p><div" not in html


def test_directives_inside_fences_are_left_alone(hello) -> None:  # type: ignore[no-untyped-def]
    html = render("```text\n@snippet demo/nothing.py\n```\n")
    assert "@snippet demo/nothing.py" in html and "lab-error" not in html


def test_directives_inside_tabs(hello) -> None:  # type: ignore[no-untyped-def]
    html = render('=== "Code"\n\n    @snippet demo/hello.py#greet\n')
    assert "tabbed-set" in html and "hello {name}" in text_of(html)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("@snippet demo/absent.py", "snippets/demo/absent.py: snippet file not found"),
        ("@snippet demo/hello.py#nope", "no region named 'nope'"),
        ("@snippet demo/hello.py#greet highlight=hot", "nothing named 'hot' to highlight"),
        ("@output demo/hello.py engines=postgresql", "demo.hello does not run on postgresql"),
        ("@exercise demo.nothing", "no exercise named 'demo.nothing'"),
        ("@snipet demo/hello.py", "unknown directive @snipet"),
    ],
)
def test_mistakes_are_logged_with_page_line_and_shown(
    hello, project: Path, caplog: pytest.LogCaptureFixture, line: str, message: str  # type: ignore[no-untyped-def]
) -> None:
    page = project / "docs" / "page.md"
    with caplog.at_level(logging.WARNING, logger="mkdocs.labkit"):
        html = render(f"Intro\n\n{line}\n", page)
    assert "lab-error" in html
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "docs/page.md:13" in logged, logged
    assert message in logged
    assert "fix:" in logged


def test_stale_output_names_the_record_command(hello, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    hello.path.write_text(CODE.replace("reader", "learner"))
    with caplog.at_level(logging.WARNING, logger="mkdocs.labkit"):
        render("@output demo/hello.py\n")
    logged = caplog.records[0].getMessage()
    assert "snippets/demo/_outputs/hello.txt:3" in logged and "is stale" in logged
    assert "python -m snippets record demo.hello" in logged


def test_unclosed_quiz(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.labkit"):
        render("/// quiz\nQ: a?\n+ b :: c\n- d :: e\n")
    assert "quiz block is never closed" in caplog.records[0].getMessage()


def test_text_starting_with_at_is_not_a_directive() -> None:
    assert "@alice wrote this" in render("@alice wrote this\n")


def test_code_annotations_stay_next_to_their_code(project: Path) -> None:
    write_snippet(project, "annotated", "def main():\n    x = 1  # (1)!\n")
    html = render("@snippet demo/annotated.py\n\n1.  Why x is one.\n\nAfter.\n")
    code_end = html.index("</code></pre></div>") + len("</code></pre></div>")
    assert html[code_end:].lstrip().startswith("<ol>")
    assert html.index("</ol>") < html.index("lab-run") < html.index("<p>After.</p>")


def test_run_box_names_the_engine_of_a_server_only_snippet(project: Path) -> None:
    write_snippet(project, "pg", "ENGINES = ('postgresql',)\n\ndef main():\n    pass\n")
    assert "LAB_ENGINE=postgresql python -m snippets.demo.pg" in text_of(
        render("@snippet demo/pg.py\n")
    )


def test_a_supporting_file_in_a_sub_folder_is_shown_without_a_run_box(project: Path) -> None:
    write_snippet(project, "user", "def main():\n    pass\n")
    folder = project / "snippets" / "demo" / "migrations"
    folder.mkdir()
    (folder / "0001_first.py").write_text(
        "def upgrade():\n    # --8<-- [start:up]\n    create()\n    # --8<-- [end:up]\n"
    )
    html = render("@snippet demo/migrations/0001_first.py#up\n")
    assert "create()" in text_of(html) and "lab-run" not in html


def test_a_program_in_another_language_is_shown_with_its_highlighting(project: Path) -> None:
    write_snippet(project, "user", "def main():\n    pass\n")
    folder = project / "snippets" / "demo" / "programs"
    folder.mkdir()
    (folder / "server.js").write_text(
        "// --8<-- [start:listen]\nserver.listen(port);  // [mark:port]\n// --8<-- [end:listen]\n"
    )
    (folder / "notes.docx").write_text("not something a page can show")
    html = render('@snippet demo/programs/server.js#listen highlight="port"\n')
    assert 'class="nx"' in html and "lab-run" not in html  # a JavaScript token (Pygments)
    assert "server.listen(port);" in text_of(html) and "[mark:" not in html
    assert "hll" in html  # the marked line is highlighted
    assert "cannot show a &#x27;.docx&#x27; file" in render("@snippet demo/programs/notes.docx\n")


def test_a_file_of_the_repository_itself_is_shown_from_its_root(project: Path) -> None:
    # Docker reads `#` as a comment only at the start of a line: highlight with a region
    (project / "Dockerfile").write_text(
        "FROM python:3.11-slim\n# --8<-- [start:user]\nUSER app\n# --8<-- [end:user]\n")
    html = render('@snippet /Dockerfile highlight="user"\n')
    assert "FROM python:3.11-slim" in text_of(html) and "lab-run" not in html and "hll" in html


def test_an_apostrophe_in_a_title_is_not_escaped_twice(hello) -> None:  # type: ignore[no-untyped-def]
    html = render("@snippet demo/hello.py#greet title=\"the reader's greeting\"\n")
    assert "&amp;#x27;" not in html and "the reader&#x27;s greeting" in html


def test_line_anchor_ids_are_unique_on_the_page() -> None:
    """Blocks converted separately (mkdocstrings docstrings) all start at block 0."""
    from labkit.extension import UniqueLineIds

    block = ('<pre><code><span id="x--__span-0-1"><a id="x--__codelineno-0-1" '
             'href="#x--__codelineno-0-1"></a>print()</span></code></pre>')
    page = UniqueLineIds(markdown.Markdown()).run(f"{block}<p><code>inline</code></p>{block}")
    ids = re.findall(r'id="([^"]+)"', page)
    assert len(ids) == len(set(ids)) == 4
    assert 'href="#x--__codelineno-1-1"' in page and "<code>inline</code>" in page
