"""Aggregate a 200,000-row export as a stream of rows, not a list, and measure the memory."""

from __future__ import annotations

import csv
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

from labkit.measure import measured
from snippets.languages.logic_library.domain import fine_cents
from snippets.languages.logic_library.memory import peak_bytes

ROWS = 200_000
MEMBERS = 500


def write_export(path: Path) -> None:
    """A CSV of returned loans, like a nightly export from the loans table."""
    start = date(2024, 1, 1)
    with path.open("w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["loan_id", "member_id", "due_on", "returned_on"])
        for loan_id in range(1, ROWS + 1):
            # made-up but varied: the same rows on every run
            due = start + timedelta(days=loan_id * 37 % 365)
            returned = due + timedelta(days=loan_id * 13 % 40 - 10)
            writer.writerow([loan_id, loan_id * 7919 % MEMBERS + 1, due, returned])


# --8<-- [start:eager]
def fines_eager(path: Path) -> Counter[int]:
    """Read every row into a list first, then add up the fines per member."""
    with path.open(newline="") as file:
        rows = list(csv.DictReader(file))  # [mark:list]
    totals: Counter[int] = Counter()
    for row in rows:
        due, back = date.fromisoformat(row["due_on"]), date.fromisoformat(row["returned_on"])
        totals[int(row["member_id"])] += fine_cents(due, back)
    return totals
# --8<-- [end:eager]


# --8<-- [start:stream]
def read_rows(path: Path) -> Iterator[list[str]]:
    """Yield the export's rows one at a time, without the header."""
    with path.open(newline="") as file:
        reader = csv.reader(file)
        next(reader)
        yield from reader


def fines(rows: Iterable[list[str]]) -> Iterator[tuple[int, int]]:
    """Turn each row into (member_id, fine in cents)."""
    for _loan_id, member_id, due, back in rows:
        yield int(member_id), fine_cents(date.fromisoformat(due), date.fromisoformat(back))


def fines_streamed(path: Path) -> Counter[int]:
    """The same totals, with one row in memory at a time."""
    totals: Counter[int] = Counter()
    for member_id, cents in fines(read_rows(path)):  # a pipeline of generators  [mark:pipe]
        totals[member_id] += cents
    return totals
# --8<-- [end:stream]


def main() -> None:
    """Write the export, total it both ways, compare answers and peak memory."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "returns.csv")
        write_export(path)
        print(f"export: {ROWS:,} rows, {path.stat().st_size / 1e6:.1f} MB on disk")
        # --8<-- [start:measure]
        eager, eager_peak = peak_bytes(lambda: fines_eager(path))
        streamed, stream_peak = peak_bytes(lambda: fines_streamed(path))
        assert eager == streamed
        top, cents = streamed.most_common(1)[0]
        print(f"total fines {sum(streamed.values()) / 100:,.2f}; top member {top} owes "
              f"{cents / 100:.2f}")
        print("peak memory, list of rows:",
              measured(eager_peak / 1e6, unit=" MB", at_least=20))
        print("peak memory, generators:  ",
              measured(stream_peak / 1e6, unit=" MB", at_most=5, digits=2))
        print("the list needed", measured(eager_peak / stream_peak, unit="×", at_least=10,
                                          digits=0), "as much memory")
        # --8<-- [end:measure]


if __name__ == "__main__":
    main()
