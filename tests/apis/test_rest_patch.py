"""Mirrors snippets/apis/rest_patch.py: exclude_unset keeps the fields a PATCH did not send."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from snippets.apis.rest_app.models import BookRead, BookUpdate

STORED = BookRead(id=1, title="The Dispossessed", author="Ursula K. Le Guin", year=1974,
                  isbn="9780060512750")


def test_naive_patch_erases_the_other_fields() -> None:
    changes = BookUpdate.model_validate({"year": 1975})
    naive = STORED.model_copy(update=changes.model_dump())
    assert naive.title is None  # model_copy does not validate: a str field now holds None


def test_exclude_unset_keeps_them() -> None:
    changes = BookUpdate.model_validate({"year": 1975})
    assert changes.model_fields_set == {"year"}
    right = STORED.model_copy(update=changes.model_dump(exclude_unset=True))
    assert right.model_dump() == {**STORED.model_dump(), "year": 1975}


def test_an_explicit_null_is_refused_but_leaving_out_is_fine() -> None:
    with pytest.raises(ValidationError, match="not null"):
        BookUpdate.model_validate({"title": None})
    assert BookUpdate.model_validate({}).model_dump(exclude_unset=True) == {}
