"""Mirrors snippets/tour/engines.py: the engine differences the page states, checked one by one."""

from __future__ import annotations

from decimal import Decimal

import pytest

from labkit import db
from tests.support import require_server

EXPECTED = {
    "sqlite": (3, "backend"),
    "postgresql": (3, "backend"),
    "mariadb": (Decimal("3.5000"), 0),
}


@pytest.mark.parametrize("engine", sorted(EXPECTED))
def test_division_and_pipes(engine: str) -> None:
    if engine != "sqlite":
        require_server(engine)
    with db.scratch(db.ENGINES[engine]) as conn:
        cursor = conn.cursor()
        cursor.execute("SELECT 7 / 2, 'back' || 'end'")
        assert tuple(cursor.fetchone()) == EXPECTED[engine]


def test_scratch_space_is_removed_afterwards() -> None:
    require_server("postgresql")
    with db.scratch(db.ENGINES["postgresql"]) as conn:
        schema = conn.execute("SELECT current_schema()").fetchone()[0]
    import psycopg

    with psycopg.connect(db.ENGINES["postgresql"].url) as check:
        row = check.execute(
            "SELECT 1 FROM information_schema.schemata WHERE schema_name = %s", (schema,)
        ).fetchone()
    assert row is None, f"schema {schema} was left behind"
