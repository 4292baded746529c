"""Named regions and marks: cut, highlight, and every way to get them wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from labkit import regions
from labkit.errors import LabError

SOURCE = '''\
def add(a, b):
    # --8<-- [start:body]
    total = a + b  # [mark:sum]
    # --8<-- [start:ret]
    return total
    # --8<-- [end:ret]
    # --8<-- [end:body]
'''


@pytest.fixture
def source(tmp_path: Path) -> regions.SourceMap:
    path = tmp_path / "demo.py"
    path.write_text(SOURCE)
    return regions.load(path)


def test_whole_file_drops_marker_lines(source: regions.SourceMap) -> None:
    excerpt = source.excerpt()
    assert "--8<--" not in excerpt.code
    assert "[mark:" not in excerpt.code
    assert excerpt.code.splitlines()[1] == "    total = a + b"


def test_region_is_dedented(source: regions.SourceMap) -> None:
    assert source.excerpt("body").code == "total = a + b\nreturn total\n"


def test_highlight_by_mark_and_by_nested_region(source: regions.SourceMap) -> None:
    assert source.excerpt("body", ("sum",)).highlights == (1,)
    assert source.excerpt("body", ("ret",)).highlights == (2,)
    assert source.excerpt(None, ("sum", "ret")).highlights == (2, 3)


def test_unknown_region_lists_the_known_ones(source: regions.SourceMap) -> None:
    with pytest.raises(LabError, match="no region named 'nope'") as caught:
        source.excerpt("nope")
    assert "body, ret" in caught.value.fix


def test_unknown_highlight_name(source: regions.SourceMap) -> None:
    with pytest.raises(LabError, match="nothing named 'hot'") as caught:
        source.excerpt("body", ("hot",))
    assert "[mark:hot]" in caught.value.fix


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("x = 1\n# --8<-- [start:a]\ny = 2\n", 2, "region 'a' starts here but is never closed"),
        ("x = 1\n# --8<-- [end:a]\n", 2, "region 'a' ends here but never starts"),
        ("# --8<-- [start:a]\n# --8<-- [end:a]\n# --8<-- [start:a]\n# --8<-- [end:a]\n", 3,
         "region 'a' is defined twice (first at line 1)"),
        ("# --8<-- [start:]\n", 1, "region marker without a name"),
    ],
)
def test_broken_markers_name_file_and_line(tmp_path: Path, text: str, line: int,
                                           message: str) -> None:
    path = tmp_path / "broken.py"
    path.write_text(text)
    with pytest.raises(LabError) as caught:
        regions.load(path)
    assert caught.value.line == line
    assert message in caught.value.message
    assert caught.value.fix
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LabError, match="snippet file not found"):
        regions.load(tmp_path / "absent.py")


def test_marks_in_sql_comments_and_plain_brackets(tmp_path: Path) -> None:
    path = tmp_path / "sql.py"
    path.write_text(
        'QUERY = """\n'
        "SELECT name  -- [mark:pick]\n"
        "FROM t\n"
        '"""\n'
        'LABEL = "[mark:not-a-mark]"\n'
    )
    source = regions.load(path)
    assert source.marks == {"pick": [1]}
    excerpt = source.excerpt(None, ("pick",))
    assert excerpt.code.splitlines()[1] == "SELECT name"
    assert excerpt.highlights == (2,)
    assert 'LABEL = "[mark:not-a-mark]"' in excerpt.code
