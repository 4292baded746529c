"""Fetch page 4,501 of the orders two ways: OFFSET reads every row before it, a keyset does not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from labkit import db
from labkit.measure import best_seconds, measured
from snippets.databases.index_data import analyze, load
from snippets.databases.index_plans import plan

ENGINES = ("sqlite", "postgresql", "mariadb")

PAGE = 20


def run_query(conn: Any, sql: str, params: tuple[Any, ...]) -> Callable[[], object]:
    """A call that runs `sql` and fetches every row, for `best_seconds` to time."""
    cursor = conn.cursor()
    return lambda: (cursor.execute(sql, params), cursor.fetchall())


def main() -> None:
    """Plan, run and time the same deep page with OFFSET and with a keyset."""
    p = db.current().placeholder
    with db.scratch() as conn:
        load(conn)
        analyze(conn)
        cursor = conn.cursor()
        # --8<-- [start:queries]
        by_offset = ("SELECT id, total_cents FROM orders"
                     f" ORDER BY id LIMIT {p} OFFSET {p}")
        by_keyset = ("SELECT id, total_cents FROM orders"
                     f" WHERE id > {p} ORDER BY id LIMIT {p}")
        offset_args = (PAGE, 90_000)  # page 4,501: skip 90,000 rows
        cursor.execute(by_offset, offset_args)
        offset_rows = cursor.fetchall()
        last_seen = 90_000  # last id on page 4,500, sent back by the client
        keyset_args = (last_seen, PAGE)
        cursor.execute(by_keyset, keyset_args)
        keyset_rows = cursor.fetchall()
        # --8<-- [end:queries]
        print(f"same {len(offset_rows)} rows both ways: {offset_rows == keyset_rows}, "
              f"ids {offset_rows[0][0]}..{offset_rows[-1][0]}")
        # --8<-- [start:compare]
        for name, sql, args in (("OFFSET", by_offset, offset_args),
                                ("keyset", by_keyset, keyset_args)):
            print(f"-- {name}")
            for line in plan(conn, sql, args):
                print("   ", line)
        speedup = (best_seconds(run_query(conn, by_offset, offset_args), rounds=20)
                   / best_seconds(run_query(conn, by_keyset, keyset_args), rounds=20))
        faster = measured(speedup, unit="×", digits=0, at_least=5)
        print(f"keyset is {faster} faster here")
        # --8<-- [end:compare]


if __name__ == "__main__":
    main()
