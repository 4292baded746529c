"""Mirrors snippets/apis/data_schema.py: the schema names every problem; formats are opt-in."""

from __future__ import annotations

from snippets.apis.data_schema import problems

GOOD = {"id": "1", "title": "The Dispossessed", "author": "Ursula K. Le Guin",
        "year": 1974, "isbn": "9780060512750"}


def test_good_book_is_valid() -> None:
    assert problems(GOOD) == []


def test_every_problem_is_reported_not_just_the_first() -> None:
    found = problems({"id": 2, "title": "", "year": "1969", "isbn": "0-441-47812-3", "pages": 1})
    assert len(found) == 6
    assert any(line.startswith("$.year:") for line in found)


def test_format_is_only_an_annotation_unless_checked() -> None:
    odd = {**GOOD, "added_on": "2025-02-30"}
    assert problems(odd) == []
    assert problems(odd, check_formats=True) == ["$.added_on: '2025-02-30' is not a 'date'"]
