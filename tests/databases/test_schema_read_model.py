"""Mirrors snippets/databases/schema_read_model.py: the materialized view lags until refreshed."""

from __future__ import annotations

from labkit import db
from snippets.databases import schema_read_model as s
from tests.support import require_server


def test_view_is_stale_until_refresh() -> None:
    require_server("postgresql")
    with db.scratch(db.ENGINES["postgresql"]) as conn:
        for statement in s.SETUP:
            conn.execute(statement)
        conn.execute(s.READ_MODEL)
        conn.execute(s.UNIQUE_INDEX)
        conn.commit()
        before = s.stats(conn)
        conn.execute("INSERT INTO reviews (product_id, stars) VALUES (3, 4)")
        conn.commit()
        assert s.stats(conn) == before
        conn.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY product_stats")
        conn.commit()
        assert s.stats(conn)[2] == ("Mug", 1, "4.00")
