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
