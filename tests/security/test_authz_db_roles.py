"""Mirrors snippets/security/authz_db_roles.py: the app role is refused, the owner is not."""

from __future__ import annotations

import pytest

from labkit import db
from snippets.security.authz_app.database import connect_as, owner_connection, run
from snippets.security.authz_db_roles import SETUP, STATEMENTS, app_connection_vulnerable, app_role
from tests.support import require_server

ALLOWED = STATEMENTS[:2]
REFUSED = STATEMENTS[2:]


@pytest.fixture(params=["postgresql", "mariadb"])
def engine(request: pytest.FixtureRequest) -> db.Engine:
    require_server(request.param)
    return db.ENGINES[request.param]


def test_the_owner_connection_can_do_everything(engine: db.Engine) -> None:
    with db.scratch_space(engine) as space:
        conn = app_connection_vulnerable(space)
        for statement in SETUP:
            conn.cursor().execute(statement)
        outcomes = [run(conn, sql) for sql in STATEMENTS]
    assert not [o for o in outcomes if o.startswith("refused")], outcomes


def test_the_app_role_may_select_and_insert_only(engine: db.Engine) -> None:
    with db.scratch_space(engine) as space:
        owner = owner_connection(space)
        for statement in SETUP:
            owner.cursor().execute(statement)
        with app_role(space, owner) as role:
            app = connect_as(space, role)
            try:
                allowed = [run(app, sql) for sql in ALLOWED]
                refused = [run(app, sql) for sql in REFUSED]
            finally:
                app.close()
        cursor = owner.cursor()
        cursor.execute("SELECT count(*) FROM invoices")
        assert cursor.fetchone()[0] == 3  # nothing deleted, the insert kept, table still there
    assert all(o.startswith("ok") for o in allowed), allowed
    assert all(o.startswith("refused") for o in refused), refused
    code = "42501" if engine.name == "postgresql" else "1142"
    assert all(code in o for o in refused), refused


def test_the_role_is_gone_afterwards(engine: db.Engine) -> None:
    with db.scratch_space(engine) as space:
        owner = owner_connection(space)
        for statement in SETUP:
            owner.cursor().execute(statement)
        with app_role(space, owner) as role:
            pass
        cursor = owner.cursor()
        if engine.name == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_roles WHERE rolname = %s", (role,))
        else:
            cursor.execute("SELECT count(*) FROM mysql.user WHERE user = %s", (role,))
        assert cursor.fetchone()[0] == 0
