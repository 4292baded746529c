"""Mirrors snippets/databases/sql_merge.py: MERGE fails a race that ON CONFLICT absorbs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from labkit import db
from snippets.databases.sql_merge import MERGE, ON_CONFLICT, race
from tests.support import require_server


@pytest.fixture
def space() -> Iterator[Any]:
    require_server("postgresql")
    with db.scratch_space(db.ENGINES["postgresql"]) as scratch:
        with scratch.connect() as conn:
            conn.execute("CREATE TABLE stock (sku TEXT PRIMARY KEY, quantity INTEGER NOT NULL)")
        yield scratch


def test_on_conflict_turns_the_second_insert_into_an_update(space: Any) -> None:
    assert race(space, ON_CONFLICT, "A") == "B added 1; quantity is now 2"


def test_merge_raises_a_unique_violation_in_the_same_race(space: Any) -> None:
    outcome = race(space, MERGE, "B")
    assert outcome.startswith("B failed: UniqueViolation")
    assert outcome.endswith("quantity is now 1")


def test_merge_alone_inserts_then_updates(space: Any) -> None:
    with space.connect() as conn:
        conn.execute(MERGE, ("KB", 5))
        conn.execute(MERGE, ("KB", 3))
        assert conn.execute("SELECT quantity FROM stock").fetchone() == (8,)
