"""Mirrors snippets/security/sqli_orm.py: text() with an f-string leaks; bound params don't."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from labkit import db
from snippets.security.sqli_app import create_library
from snippets.security.sqli_orm import engine_for, search_orm, search_text, search_text_vulnerable

LEAK = "zzz' UNION SELECT username, password_hash FROM users --"


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    with db.scratch_space() as space:
        create_library(space.connect())
        engine = engine_for(space)
        with Session(engine) as session:
            yield session
        engine.dispose()


def test_text_with_an_fstring_leaks(session: Session) -> None:
    assert {user for user, _ in search_text_vulnerable(session, LEAK)} == {"admin", "ada", "grace"}


def test_bound_parameters_and_the_orm_do_not(session: Session) -> None:
    assert search_text(session, LEAK) == []
    assert search_orm(session, LEAK) == []
    assert search_orm(session, "Dune") == [("Dune", "Frank Herbert")]
    assert search_text(session, "Dune") == [("Dune", "Frank Herbert")]


def test_like_wildcards_in_the_value_are_escaped_by_the_orm(session: Session) -> None:
    assert search_text(session, "%") != []  # a value, but still a wildcard to LIKE
    assert search_orm(session, "%") == []  # contains(..., autoescape=True) escapes it
