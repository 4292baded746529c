"""`python -m snippets`: list, run, check, record; unknown names exit 2 with a suggestion."""

from __future__ import annotations

import subprocess
import sys

from tests.support import REPO


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "snippets", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120, check=False)


def test_list_shows_chapters_snippets_and_exercises() -> None:
    result = cli("list")
    assert result.returncode == 0
    assert "tour.request_line" in result.stdout
    assert "Split an HTTP request line" in result.stdout
    assert "python -m snippets check tour.status_class" in result.stdout


def test_run_prints_what_the_module_prints() -> None:
    result = cli("run", "tour.request_line")
    assert result.returncode == 0
    assert "'method': 'DELETE'" in result.stdout


def test_unknown_snippet_suggests_and_exits_2() -> None:
    result = cli("run", "tour.request_lin")
    assert result.returncode == 2
    assert "no snippet named 'tour.request_lin'. Did you mean 'tour.request_line'?" in result.stderr


def test_unknown_exercise_suggests_and_exits_2() -> None:
    result = cli("check", "tour.status")
    assert result.returncode == 2
    assert "Did you mean 'tour.status_class'?" in result.stderr


def test_check_reports_each_check_and_fails_on_the_stub() -> None:
    result = cli("check", "tour.status_class")
    assert result.returncode == 1
    assert "FAIL  200, 201 and 204 are \"success\"." in result.stdout
    assert "not implemented yet" in result.stdout
    assert "0 of 4 checks pass" in result.stdout


def test_check_solution_passes() -> None:
    result = cli("check", "tour.status_class", "--solution")
    assert result.returncode == 0
    assert "4 of 4 checks pass" in result.stdout


def test_record_leaves_a_fresh_output_unchanged() -> None:
    result = cli("record", "tour.request_line")
    assert result.returncode == 0
    assert "same  snippets/tour/_outputs/request_line.txt" in result.stdout


def test_an_endless_loop_in_an_exercise_is_stopped_and_located(project) -> None:  # type: ignore[no-untyped-def]
    from labkit import catalog, exercises
    from labkit.errors import LabError

    folder = project / "snippets" / "demo" / "exercises"
    folder.mkdir(parents=True)
    (project / "snippets" / "demo" / "__init__.py").write_text('"""Demo."""\n')
    (folder / "loop.py").write_text('"""Loop."""\n\ndef answer():\n    while True:\n        pass\n')
    (folder / "loop_solution.py").write_text("def answer():\n    return 1\n")
    (folder / "loop_checks.py").write_text(
        "def check_answer(module):\n    assert module.answer() == 1\n"
    )
    exercise = catalog.find_exercise("demo.loop")
    assert exercises.run_checks_sandboxed(exercise, solution=True)[0].passed
    try:
        exercises.run_checks_sandboxed(exercise, timeout=8)
    except LabError as error:
        assert "did not finish within 8 s" in error.message
        # the loop is lines 4-5; the stack dump lands on whichever line was running
        assert error.location.endswith(("demo/exercises/loop.py:4", "demo/exercises/loop.py:5"))
    else:
        raise AssertionError("the endless loop was not stopped")


def test_stale_lists_what_to_record_and_record_stale_fixes_it(project) -> None:  # type: ignore[no-untyped-def]
    from labkit import cli
    from tests.labkit.test_runner import write_snippet

    write_snippet(project, "fresh", "def main():\n    print('hi')\n\nmain()\n")
    assert cli.main(["stale"]) == 1
    assert cli.main(["record", "--stale"]) == 0
    assert cli.main(["stale"]) == 0
