"""fetchall() builds every row at once; fetchmany() in a loop holds one batch at a time."""

from __future__ import annotations

import sqlite3

from labkit import db
from labkit.measure import measured
from snippets.languages.logic_library.export import BATCH, EXPORT_SQL, fill_loans, iter_batches
from snippets.languages.logic_library.memory import peak_bytes

ROWS = 200_000


# --8<-- [start:both]
def members_fetchall(conn: sqlite3.Connection) -> int:
    """Count distinct members after loading the whole result as one list."""
    rows = conn.execute(EXPORT_SQL).fetchall()  # [mark:fetchall]
    return len({row[1] for row in rows})


def members_batched(conn: sqlite3.Connection) -> int:
    """The same count, BATCH rows at a time."""
    seen: set[int] = set()
    for batch in iter_batches(conn.execute(EXPORT_SQL)):
        seen.update(row[1] for row in batch)
    return len(seen)
# --8<-- [end:both]


def main() -> None:
    """Same answer, two peaks."""
    with db.scratch() as conn:
        fill_loans(conn, ROWS)
        # --8<-- [start:measure]
        everything, all_peak = peak_bytes(lambda: members_fetchall(conn))
        batched, batch_peak = peak_bytes(lambda: members_batched(conn))
        print(f"distinct members: {everything} (fetchall), {batched} (fetchmany({BATCH}))")
        print("peak memory, fetchall: ", measured(all_peak / 1e6, unit=" MB", at_least=10))
        print("peak memory, fetchmany:", measured(batch_peak / 1e6, unit=" MB", at_most=5,
                                                   digits=2))
        print("fetchall needed", measured(all_peak / batch_peak, unit="×", at_least=10,
                                          digits=0), "as much memory")
        # --8<-- [end:measure]


if __name__ == "__main__":
    main()
