"""Consistency: a CHECK constraint refuses a transfer that would overdraw an account."""

from __future__ import annotations

from typing import Any

from labkit import db
from snippets.databases.tx_atomicity import balances

ENGINES = ("sqlite", "postgresql", "mariadb")

# --8<-- [start:schema]
SCHEMA = """
CREATE TABLE accounts (
    id      INTEGER PRIMARY KEY,
    owner   VARCHAR(20) NOT NULL,
    balance INTEGER NOT NULL,
    CONSTRAINT balance_not_negative CHECK (balance >= 0)
)"""
# --8<-- [end:schema]

P = db.current().placeholder
DEBIT = f"UPDATE accounts SET balance = balance - {P} WHERE id = {P}"
CREDIT = f"UPDATE accounts SET balance = balance + {P} WHERE id = {P}"


def transfer(conn: Any, source: int, target: int, amount: int) -> None:
    """Debit and credit in one transaction; roll back and re-raise on any error."""
    cursor = conn.cursor()
    try:
        cursor.execute(DEBIT, (amount, source))
        cursor.execute(CREDIT, (amount, target))
        conn.commit()
    except BaseException:
        conn.rollback()
        raise


# --8<-- [start:swallow]
def transfer_ignoring_errors(conn: Any, source: int, target: int, amount: int) -> None:
    """WRONG: credit, then debit, report any error, and commit whatever went through."""
    cursor = conn.cursor()
    for statement, account in ((CREDIT, target), (DEBIT, source)):
        try:
            cursor.execute(statement, (amount, account))
        except conn.Error as error:
            print(f"  error ignored: {type(error).__name__}")
    conn.commit()  # [mark:commit-anyway]
# --8<-- [end:swallow]



def main() -> None:
    """Try a transfer the money allows, then one it does not."""
    with db.scratch_space() as space:
        conn = space.connect()
        conn.cursor().execute(SCHEMA)
        conn.cursor().execute("INSERT INTO accounts VALUES (1, 'alice', 100), (2, 'bob', 50)")
        conn.commit()
        # --8<-- [start:main]
        for amount in (30, 150):
            print(f"alice sends bob {amount}")
            try:
                transfer(conn, 1, 2, amount)
                print("  committed")
            except conn.Error as error:  # [mark:catch]
                message = str(error).splitlines()[0].replace(space.name, "<scratch>")
                print(f"  refused: {type(error).__module__}.{type(error).__name__}")
                print(f"  message: {message}")
                print(f"  an IntegrityError? {isinstance(error, conn.IntegrityError)}")
            print(f"  balances: {balances(conn)}")
        # --8<-- [end:main]
        # --8<-- [start:swallow-run]
        print("bob sends alice 150, through the code that ignores errors")
        transfer_ignoring_errors(conn, 2, 1, 150)
        print(f"  balances: {balances(conn)}")
        # --8<-- [end:swallow-run]
        conn.close()


if __name__ == "__main__":
    main()
