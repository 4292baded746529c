"""CONTRIBUTING.md's table of mistakes and tests/test_bad_input.py stay in step."""

from __future__ import annotations

import re

from tests import test_bad_input
from tests.support import REPO

SECTION = "## When the build says no: every mistake it catches"


def section() -> str:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert SECTION in text, f"CONTRIBUTING.md lost its section {SECTION!r}"
    return text.split(SECTION, 1)[1].split("\n## ", 1)[0]


def table_tests() -> list[str]:
    """The test named in the last column of each row of the table."""
    rows = [line for line in section().splitlines() if line.startswith("| ")][2:]
    names = []
    for row in rows:
        last = [cell.strip() for cell in row.strip().strip("|").split(" | ")][-1]
        assert re.fullmatch(r"`test_\w+`", last), f"a row without a test: {row}"
        names.append(last.strip("`"))
    return names


def test_every_row_names_an_existing_test() -> None:
    names = table_tests()
    assert len(names) >= 20, "the table lists at least 20 mistakes"
    assert len(names) == len(set(names)), "a test proves one row"
    missing = [n for n in names if not callable(getattr(test_bad_input, n, None))]
    assert not missing, f"rows name tests that tests/test_bad_input.py lacks: {missing}"


def test_every_bad_input_test_is_in_the_section() -> None:
    tests = [n for n in vars(test_bad_input) if n.startswith("test_")]
    text = section()
    absent = [n for n in tests if f"`{n}`" not in text]
    assert not absent, f"add these tests to the table in CONTRIBUTING.md: {absent}"
