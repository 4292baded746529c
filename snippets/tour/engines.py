"""Run two SQL expressions on SQLite, PostgreSQL and MariaDB: same text, different answers."""

from __future__ import annotations

from labkit import db

ENGINES = ("sqlite", "postgresql", "mariadb")


def main() -> None:
    """Print what each engine makes of integer division and of `||`."""
    # --8<-- [start:compare]
    engine = db.current()
    with db.scratch() as conn:
        cursor = conn.cursor()
        for expression in ("7 / 2", "'back' || 'end'"):
            cursor.execute(f"SELECT {expression}")
            (value,) = cursor.fetchone()
            print(f"{engine.label}: SELECT {expression:<16} -> {value!r}")
    # --8<-- [end:compare]


if __name__ == "__main__":
    main()
