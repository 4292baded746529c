"""PostgreSQL row-level security: the database hides other users' rows, even from a bad query."""

from __future__ import annotations

from typing import Any

from labkit import db
from snippets.security.authz_app.database import connect_as, owner_connection

ENGINES = ("postgresql",)
DEPENDS = ("authz_app/",)
VULNERABLE = ("read_invoice_vulnerable",)

SETUP = [
    "CREATE TABLE invoices (id integer PRIMARY KEY, owner_id integer NOT NULL,"
    " pay_to text NOT NULL)",
    "INSERT INTO invoices VALUES (1, 1, 'alice-bank'), (2, 2, 'bob-bank'), (3, 2, 'bob-bank')",
    "CREATE ROLE {role} LOGIN",
    "GRANT USAGE ON SCHEMA {space} TO {role}",
    "GRANT SELECT, UPDATE ON invoices TO {role}",
]

# --8<-- [start:policy]
ROW_SECURITY = [
    "ALTER TABLE invoices ENABLE ROW LEVEL SECURITY",
    """CREATE POLICY invoices_by_owner ON invoices
           USING (owner_id = NULLIF(current_setting('app.user_id', true), '')::integer)""",
]
# --8<-- [end:policy]


# --8<-- [start:as_user]
def as_user(conn: Any, user_id: int, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Run `sql` in a transaction that knows which user the request is for."""
    with conn.transaction():
        conn.execute("SELECT set_config('app.user_id', %s, true)", (str(user_id),))  # [mark:local]
        cursor = conn.execute(sql, params)
        return cursor.fetchall() if cursor.description else [(cursor.rowcount,)]
# --8<-- [end:as_user]


# --8<-- [start:vulnerable]
def read_invoice_vulnerable(conn: Any, user_id: int, invoice_id: int) -> list[tuple[Any, ...]]:
    """DELIBERATELY VULNERABLE: the IDOR query, with no owner in the WHERE clause."""
    return as_user(conn, user_id, "SELECT id, owner_id, pay_to FROM invoices WHERE id = %s",
                   invoice_id)
# --8<-- [end:vulnerable]


def probe(app: Any) -> None:
    """Alice (user 1) runs the vulnerable query for Bob's invoice, and tries to change it."""
    print("  alice reads invoice 2:   ", read_invoice_vulnerable(app, 1, 2))
    print("  alice counts invoices:   ", as_user(app, 1, "SELECT count(*) FROM invoices"))
    changed = as_user(app, 1, "UPDATE invoices SET pay_to = 'alice-bank' WHERE id = 2")
    print("  alice updates invoice 2: ", changed[0][0], "row(s) changed")
    with app.transaction():
        unset = app.execute("SELECT count(*) FROM invoices").fetchall()
    print("  no user id set, count:   ", unset)


def main() -> None:
    """The same queries as the app role, without and then with a row security policy."""
    with db.scratch_space(db.ENGINES["postgresql"]) as space:
        owner = owner_connection(space)
        role = f"{space.name}_app"  # roles are server-wide: a name unique to this run
        for statement in SETUP:
            owner.execute(statement.format(role=role, space=space.name))
        app = connect_as(space, role)
        app.autocommit = False  # as_user opens one transaction per request
        try:
            print("without row security:")
            probe(app)
            owner.execute("UPDATE invoices SET pay_to = 'bob-bank'")  # undo the attack
            for statement in ROW_SECURITY:
                owner.execute(statement)
            print("with ENABLE ROW LEVEL SECURITY and a policy:")
            probe(app)
            # --8<-- [start:owner]
            print("the table's owner (a superuser here) bypasses it: count =",
                  owner.execute("SELECT count(*) FROM invoices").fetchone()[0])
            # --8<-- [end:owner]
        finally:
            app.close()
            owner.execute(f"DROP OWNED BY {role}")
            owner.execute(f"DROP ROLE {role}")


if __name__ == "__main__":
    main()
