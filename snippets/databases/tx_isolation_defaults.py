"""Ask each engine which isolation level a new transaction gets by default."""

from __future__ import annotations

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")

# --8<-- [start:queries]
QUERIES = {
    "postgresql": [
        "SHOW default_transaction_isolation",  # what new transactions start with
        "SHOW transaction_isolation",  # the level of the transaction running now
    ],
    "mariadb": [
        "SELECT @@GLOBAL.tx_isolation",  # server default (MySQL 8: transaction_isolation)
        "SELECT @@SESSION.tx_isolation",  # this connection's default
    ],
    "sqlite": [
        # No isolation setting: transactions are serializable. The one knob,
        # read_uncommitted, only matters to connections that share a cache.
        "PRAGMA read_uncommitted",
    ],
}
# --8<-- [end:queries]


def main() -> None:
    """Print the default level, then check that nobody sees an uncommitted change."""
    engine = db.current()
    with db.scratch_space() as space:
        writer, reader = space.connect(), space.connect()
        # --8<-- [start:main]
        cursor = writer.cursor()
        print(f"{engine.label}:")
        for query in QUERIES[engine.name]:
            cursor.execute(query)
            print(f"  {query:<36} -> {cursor.fetchone()[0]}")
        writer.commit()
        # --8<-- [end:main]
        # --8<-- [start:dirty]
        cursor.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER)")
        cursor.execute("INSERT INTO accounts VALUES (1, 100)")
        writer.commit()
        cursor.execute("UPDATE accounts SET balance = 0 WHERE id = 1")  # not committed yet
        peek = reader.cursor()
        peek.execute("SELECT balance FROM accounts WHERE id = 1")
        print(f"  another session reads, before COMMIT: {peek.fetchone()[0]}")
        reader.commit()
        writer.commit()
        peek.execute("SELECT balance FROM accounts WHERE id = 1")
        print(f"  another session reads, after COMMIT:  {peek.fetchone()[0]}")
        # --8<-- [end:dirty]
        reader.commit()
        writer.close()
        reader.close()


if __name__ == "__main__":
    main()
