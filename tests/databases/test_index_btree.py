"""Mirrors snippets/databases/index_btree.py: a B-tree grows in height very slowly."""

from __future__ import annotations

from labkit import db
from snippets.databases.index_btree import fill, shape


def test_a_thousand_times_more_rows_adds_one_level_at_most() -> None:
    with db.scratch(db.ENGINES["sqlite"]) as conn:
        fill(conn, 1_000)
        small = shape(conn, "ix_t_k")
        fill(conn, 1_000_000)
        large = shape(conn, "ix_t_k")
    assert large["pages"] > 500 * small["pages"], "the index itself grows with the rows"
    assert large["levels"] - small["levels"] <= 1, "but its height barely grows"
    assert large["levels"] == 3


def test_a_leaf_page_holds_hundreds_of_keys() -> None:
    with db.scratch(db.ENGINES["sqlite"]) as conn:
        fill(conn, 100_000)
        assert shape(conn, "ix_t_k")["leaf_cells"] > 200


def test_the_lookup_goes_through_the_index() -> None:
    with db.scratch(db.ENGINES["sqlite"]) as conn:
        fill(conn, 1_000)
        detail = conn.execute("EXPLAIN QUERY PLAN SELECT * FROM t WHERE k = 1").fetchone()[3]
    assert detail.startswith("SEARCH t USING INDEX ix_t_k")
