"""Each exercise: the reference solution passes every check, the untouched stub fails."""

from __future__ import annotations

import pytest

from labkit import catalog, exercises
from labkit.catalog import Exercise

EXERCISES = [pytest.param(e, id=e.name) for e in catalog.exercises()]


@pytest.mark.parametrize("exercise", EXERCISES)
def test_reference_solution_passes(exercise: Exercise) -> None:
    results = exercises.run_checks_sandboxed(exercise, solution=True)
    failed = [f"{r.description}: {r.reason}" for r in results if not r.passed]
    assert not failed, f"{exercise.solution} fails its own checks: {failed}"


@pytest.mark.parametrize("exercise", EXERCISES)
def test_untouched_stub_fails(exercise: Exercise) -> None:
    results = exercises.run_checks_sandboxed(exercise)
    assert not any(r.passed for r in results), (
        f"{exercise.stub}: a check passes before the learner writes anything; "
        "make every check exercise the part the learner must write"
    )
