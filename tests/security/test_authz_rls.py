"""Mirrors snippets/security/authz_rls.py: the IDOR query leaks without a policy, not with one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from labkit import db
from snippets.security.authz_app.database import connect_as, owner_connection
from snippets.security.authz_rls import ROW_SECURITY, SETUP, as_user, read_invoice_vulnerable
from tests.support import require_server


@pytest.fixture()
def conns() -> Iterator[tuple[Any, Any]]:
    require_server("postgresql")
    with db.scratch_space(db.ENGINES["postgresql"]) as space:
        owner = owner_connection(space)
        role = f"{space.name}_app"
        for statement in SETUP:
            owner.execute(statement.format(role=role, space=space.name))
        app = connect_as(space, role)
        app.autocommit = False
        try:
            yield owner, app
        finally:
            app.close()
            owner.execute(f"DROP OWNED BY {role}")
            owner.execute(f"DROP ROLE {role}")


def test_without_a_policy_the_vulnerable_query_leaks(conns: tuple[Any, Any]) -> None:
    _, app = conns
    assert read_invoice_vulnerable(app, 1, 2) == [(2, 2, "bob-bank")]


def test_with_a_policy_the_same_query_finds_nothing(conns: tuple[Any, Any]) -> None:
    owner, app = conns
    for statement in ROW_SECURITY:
        owner.execute(statement)
    assert read_invoice_vulnerable(app, 1, 2) == []
    assert read_invoice_vulnerable(app, 2, 2) == [(2, 2, "bob-bank")]  # bob still sees his
    changed = as_user(app, 1, "UPDATE invoices SET pay_to = 'alice-bank' WHERE id = 2")
    assert changed == [(0,)]
    with app.transaction():  # no user id at all: default deny, not an error
        assert app.execute("SELECT count(*) FROM invoices").fetchone()[0] == 0
    assert owner.execute("SELECT pay_to FROM invoices WHERE id = 2").fetchone()[0] == "bob-bank"
