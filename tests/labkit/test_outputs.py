"""Recorded outputs: tied to the source by hash, compared with measured values masked."""

from __future__ import annotations

from pathlib import Path

import pytest

from labkit import catalog, outputs, runner
from labkit.errors import LabError
from tests.labkit.test_runner import write_snippet


def test_record_then_fresh_then_stale(project: Path) -> None:
    snippet = write_snippet(project, "hello", "def main():\n    print('hi')\n\nmain()\n")
    with pytest.raises(LabError, match="no recorded output") as missing:
        outputs.fresh(snippet)
    assert missing.value.fix == "record it: python -m snippets record demo.hello"

    assert outputs.write(runner.run(snippet)) is True
    assert outputs.fresh(snippet).text == "hi\n"
    assert outputs.write(runner.run(snippet)) is False, "an unchanged output is not rewritten"

    snippet.path.write_text("def main():\n    print('hello')\n\nmain()\n")
    with pytest.raises(LabError, match="is stale") as stale:
        outputs.fresh(snippet)
    assert stale.value.location == "snippets/demo/_outputs/hello.txt:3"
    assert stale.value.fix == "re-record it: python -m snippets record demo.hello"


def test_hash_covers_imported_snippet_modules(project: Path) -> None:
    helper = write_snippet(project, "helper", "GREETING = 'hi'\n")
    snippet = write_snippet(project, "user", (
        "from snippets.demo.helper import GREETING\n"
        "def main():\n    print(GREETING)\n\nmain()\n"
    ))
    before = outputs.source_hash(snippet.path)
    helper.path.write_text("GREETING = 'hello'\n")
    assert outputs.source_hash(snippet.path) != before


def test_difference_masks_measured_values_only() -> None:
    one = "speed ⟦measured 10× | ≥ 5×⟧\nok\n"
    two = "speed ⟦measured 12× | ≥ 5×⟧\nok\n"
    assert outputs.difference(one, two) == ""
    assert "+ko" in outputs.difference(one, two.replace("ok", "ko"))


def test_engine_outputs_have_their_own_files(project: Path) -> None:
    snippet = write_snippet(project, "multi", "ENGINES = ('sqlite', 'postgresql')\n")
    assert outputs.output_path(snippet).name == "multi.txt"
    assert outputs.output_path(snippet, "postgresql").name == "multi.postgresql.txt"
    assert catalog.Snippet(snippet.path).engines == ("sqlite", "postgresql")


def test_hash_covers_declared_dependencies(project: Path) -> None:
    snippet = write_snippet(project, "reader", "DEPENDS = ('data/',)\n\ndef main():\n    pass\n")
    data = project / "snippets" / "demo" / "data"
    data.mkdir()
    (data / "rows.csv").write_text("a,b\n")
    before = outputs.source_hash(snippet.path)
    (data / "rows.csv").write_text("a,c\n")
    assert outputs.source_hash(snippet.path) != before


def test_record_refuses_output_that_changes_between_runs(project: Path) -> None:
    snippet = write_snippet(project, "clock", (
        "import time\ndef main():\n    print(time.perf_counter_ns())\n\nmain()\n"
    ))
    with pytest.raises(LabError, match="prints something different on each run") as caught:
        outputs.record(snippet)
    assert "measured()" in caught.value.fix
    assert not outputs.output_path(snippet).exists()


def test_record_refuses_todays_date(project: Path) -> None:
    snippet = write_snippet(project, "today", (
        "import datetime\ndef main():\n    print(datetime.date.today())\n\nmain()\n"
    ))
    with pytest.raises(LabError, match="prints today's date"):
        outputs.record(snippet)


def test_a_snippet_that_prints_nothing_is_refused(project: Path) -> None:
    snippet = write_snippet(project, "silent", "def main():\n    print('never called')\n")
    with pytest.raises(LabError, match="printed nothing") as caught:
        runner.run(snippet)
    assert '__name__ == "__main__"' in caught.value.fix
