"""Mirrors snippets/languages/logic_batches.py: fetchmany batches give the same answer."""

from __future__ import annotations

import sqlite3

from snippets.languages.logic_batches import members_batched, members_fetchall
from snippets.languages.logic_library.export import EXPORT_SQL, fill_loans, iter_batches


def test_batches_cover_every_row_once() -> None:
    conn = sqlite3.connect(":memory:")
    fill_loans(conn, 2_500)
    sizes = [len(batch) for batch in iter_batches(conn.execute(EXPORT_SQL), 1000)]
    assert sizes == [1000, 1000, 500]
    assert members_batched(conn) == members_fetchall(conn)
    conn.close()
