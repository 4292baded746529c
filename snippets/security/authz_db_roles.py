"""Least privilege in the database: an app role that may only SELECT and INSERT on one table."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from labkit import db
from snippets.security.authz_app.database import connect_as, owner_connection, run

DEPENDS = ("authz_app/",)
ENGINES = ("postgresql", "mariadb")
VULNERABLE = ("app_connection_vulnerable",)

SETUP = [
    "CREATE TABLE invoices (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL,"
    " amount_cents INTEGER NOT NULL)",
    "CREATE TABLE salaries (user_id INTEGER PRIMARY KEY, cents INTEGER NOT NULL)",
    "INSERT INTO invoices VALUES (1, 1, 120000), (2, 2, 89000)",
    "INSERT INTO salaries VALUES (1, 5200000), (2, 6100000)",
]

# What the app needs, then what an attacker who got SQL into the app would try.
STATEMENTS = [
    "SELECT id, amount_cents FROM invoices WHERE id = 1",
    "INSERT INTO invoices VALUES (3, 1, 4500)",
    "SELECT user_id, cents FROM salaries",
    "UPDATE invoices SET amount_cents = 1",
    "DELETE FROM invoices",
    "DROP TABLE invoices",
]

# --8<-- [start:grants]
CREATE_ROLE = {
    "postgresql": [
        "CREATE ROLE {role} LOGIN",  # no SUPERUSER, CREATEDB, CREATEROLE: the defaults
        "GRANT USAGE ON SCHEMA {space} TO {role}",
        "GRANT SELECT, INSERT ON {space}.invoices TO {role}",  # [mark:grant_pg]
    ],
    "mariadb": [
        "CREATE USER '{role}'@'%'",
        "GRANT SELECT, INSERT ON {space}.invoices TO '{role}'@'%'",  # [mark:grant_maria]
    ],
}
DROP_ROLE = {
    "postgresql": ["DROP OWNED BY {role}", "DROP ROLE {role}"],  # revoke its grants, then drop
    "mariadb": ["DROP USER '{role}'@'%'"],
}
# --8<-- [end:grants]


@contextmanager
def app_role(space: db.Scratch, owner: Any) -> Iterator[str]:
    """Create a login role that may only SELECT and INSERT on `invoices`; drop it afterwards."""
    role = f"{space.name}_app"  # roles are server-wide: a name unique to this run
    engine = space.engine.name
    cursor = owner.cursor()
    for statement in CREATE_ROLE[engine]:
        cursor.execute(statement.format(role=role, space=space.name))
    try:
        yield role
    finally:
        for statement in DROP_ROLE[engine]:
            cursor.execute(statement.format(role=role, space=space.name))


def app_connection_vulnerable(space: db.Scratch) -> Any:
    """DELIBERATELY VULNERABLE: the app logs in as the account that owns everything."""
    return owner_connection(space)


def attempt(conn: Any, hide: dict[str, str]) -> None:
    """Run every statement on `conn` and print the outcome, with per-run names hidden."""
    for sql in STATEMENTS:
        outcome = run(conn, sql)
        for real, shown in hide.items():
            outcome = outcome.replace(real, shown)
        print(f"  {sql}\n      {outcome}")


def main() -> None:
    """The same statements, as the owner and as the least-privileged app role."""
    engine = db.current()
    print(f"{engine.label}: as the owner (what most apps do):")
    with db.scratch_space() as space:
        conn = app_connection_vulnerable(space)
        for statement in SETUP:
            conn.cursor().execute(statement)
        attempt(conn, {space.name: "<scratch>"})
    print(f"{engine.label}: as a role granted SELECT, INSERT on invoices only:")
    # --8<-- [start:least]
    with db.scratch_space() as space:
        owner = owner_connection(space)
        for statement in SETUP:
            owner.cursor().execute(statement)
        with app_role(space, owner) as role:
            app = connect_as(space, role)  # [mark:login]
            try:
                attempt(app, {role: "app_role", space.name: "<scratch>"})
            finally:
                app.close()
        print("  role dropped afterwards")
    # --8<-- [end:least]


if __name__ == "__main__":
    main()
