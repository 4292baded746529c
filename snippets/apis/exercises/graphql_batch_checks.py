"""Hidden checks for the graphql_batch exercise."""

import asyncio
import sqlite3
from types import ModuleType

from strawberry.dataloader import DataLoader

TITLES = {1: "The Dispossessed", 2: "Kindred", 3: "Solaris", 4: "The Cyberiad"}


def library() -> tuple[sqlite3.Connection, list[str]]:
    """An in-memory books table, and the list its trace callback fills with statements."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
    conn.executemany("INSERT INTO books VALUES (?, ?)", TITLES.items())
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    return conn, statements


def check_order(module: ModuleType) -> None:
    """The results come back in the order of the ids, not the table's order."""
    conn, _ = library()
    got = module.load_books(conn, [3, 1, 4])
    titles = [book and book["title"] for book in got]
    assert titles == ["Solaris", "The Dispossessed", "The Cyberiad"], (
        f"load_books(conn, [3, 1, 4]) gave titles {titles}; the i-th result must be the book "
        "with the i-th id (a DataLoader matches results to keys by position)")


def check_one_query(module: ModuleType) -> None:
    """Four ids cost one SELECT, not four."""
    conn, statements = library()
    module.load_books(conn, [1, 2, 3, 4])
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1, f"expected 1 SELECT, your function ran {len(selects)}: {selects}"


def check_missing(module: ModuleType) -> None:
    """An id with no book gives None at its position, and the list keeps its length."""
    conn, _ = library()
    got = module.load_books(conn, [2, 99])
    assert len(got) == 2, f"2 ids must give 2 results, got {len(got)}: {got}"
    assert got[1] is None, f"id 99 has no book, so its result must be None, got {got[1]!r}"
    assert got[0] == {"id": 2, "title": "Kindred"}, f"id 2 gave {got[0]!r}"


def check_repeated(module: ModuleType) -> None:
    """A repeated id gets its book at every position."""
    conn, _ = library()
    got = module.load_books(conn, [1, 1])
    assert got == [{"id": 1, "title": "The Dispossessed"}] * 2, f"[1, 1] gave {got}"


def check_with_dataloader(module: ModuleType) -> None:
    """Behind a Strawberry DataLoader, three loads in one tick run one SELECT."""
    conn, statements = library()

    async def batch(ids: list[int]) -> list[dict[str, object] | None]:
        return module.load_books(conn, list(ids))

    async def run() -> list[dict[str, object] | None]:
        loader = DataLoader(load_fn=batch)
        return list(await asyncio.gather(loader.load(4), loader.load(2), loader.load(4)))

    got = asyncio.run(run())
    assert [b and b["title"] for b in got] == ["The Cyberiad", "Kindred", "The Cyberiad"], got
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1, f"the DataLoader's batch ran {len(selects)} SELECTs: {selects}"
