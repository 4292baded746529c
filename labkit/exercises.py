"""Run an exercise's hidden checks against the learner's file (or the reference solution).

An exercise `snippets/<chapter>/exercises/<name>.py` comes with `<name>_checks.py`,
whose functions named `check_*` each take the module under test and raise
`AssertionError` (with a helpful message) when it is wrong; the first line of each
docstring says what it checks. `<name>_solution.py` is the reference solution.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from labkit import catalog, runner
from labkit.catalog import Exercise
from labkit.errors import LabError
from labkit.paths import display_path

TIMEOUT = 30.0
"""Seconds all the checks of one exercise may take (an endless loop is stopped)."""


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check."""

    description: str
    passed: bool
    reason: str = ""


def _load(name: str) -> ModuleType:
    """Import `name` afresh, so an edited file is picked up."""
    sys.modules.pop(name, None)
    return importlib.import_module(name)


def checks_of(exercise: Exercise) -> list[Callable[[ModuleType], None]]:
    """The check functions of an exercise, in file order.

    Raises:
        LabError: if the exercise has no checks module or it defines no checks.
    """
    if not exercise.checks.is_file():
        raise LabError(exercise.stub, 0, "exercise has no checks",
                       f"add {display_path(exercise.checks)} with functions named check_*")
    module = _load(exercise.checks_module)
    found = [
        fn for name, fn in vars(module).items()
        if name.startswith("check_") and inspect.isfunction(fn)
    ]
    if not found:
        raise LabError(exercise.checks, 0, "checks module defines no check_* function",
                       "add at least one function check_<what>(module) that asserts")
    return sorted(found, key=lambda fn: fn.__code__.co_firstlineno)


def run_checks(exercise: Exercise, solution: bool = False) -> list[CheckResult]:
    """Run every check against the learner's module (or the reference solution)."""
    checks = checks_of(exercise)
    try:
        target = _load(exercise.module(solution))
    except Exception as error:  # the learner's file may not even import
        reason = f"the file does not import: {type(error).__name__}: {error}"
        return [CheckResult(_describe(fn), False, reason) for fn in checks]
    results = []
    for fn in checks:
        try:
            fn(target)
        except NotImplementedError:
            results.append(CheckResult(_describe(fn), False, "not implemented yet"))
        except AssertionError as error:
            results.append(CheckResult(_describe(fn), False, str(error) or "assertion failed"))
        except Exception as error:
            results.append(CheckResult(_describe(fn), False, f"{type(error).__name__}: {error}"))
        else:
            results.append(CheckResult(_describe(fn), True))
    return results


def run_checks_sandboxed(exercise: Exercise, solution: bool = False,
                         timeout: float = TIMEOUT) -> list[CheckResult]:
    """`run_checks` in the snippet sandbox, in a process of its own, with a time limit.

    Raises:
        LabError: if the checks do not finish in time (located where the code was stuck)
            or the checking process itself fails.
    """
    args = ["-m", "labkit.exercises", exercise.name, "--json"]
    done = runner.spawn([*args, "--solution"] if solution else args, timeout)
    if done.hung:
        target = exercise.solution if solution else exercise.stub
        raise runner.hang_error(f"the checks of {exercise.name}", target, timeout, done.stderr)
    try:
        rows = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise LabError(exercise.checks, 0, "the checks crashed before reporting",
                       "run them by hand to see why", detail=done.stderr) from None
    return [CheckResult(**row) for row in rows]


def _describe(fn: Callable[..., object]) -> str:
    doc = inspect.getdoc(fn)
    return doc.splitlines()[0] if doc else fn.__name__.removeprefix("check_").replace("_", " ")


def report(exercise: Exercise, results: list[CheckResult], solution: bool = False) -> str:
    """The text `python -m snippets check` prints."""
    target = exercise.solution if solution else exercise.stub
    lines = [f"Checking {display_path(target)}"]
    for result in results:
        lines.append(f"  {'PASS' if result.passed else 'FAIL'}  {result.description}")
        if result.reason:
            lines.append(f"        {result.reason}")
    passed = sum(r.passed for r in results)
    verdict = "all checks pass." if passed == len(results) else "keep going!"
    lines.append(f"{passed} of {len(results)} checks pass: {verdict}")
    return "\n".join(lines)


def _main() -> None:
    """`python -m labkit.exercises <name> [--solution] --json`: used by the sandboxed run."""
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("--solution", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run_checks(catalog.find_exercise(args.name), solution=args.solution)
    sys.stdout.flush()
    print(json.dumps([vars(r) for r in results]))


if __name__ == "__main__":
    _main()
