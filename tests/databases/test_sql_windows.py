"""Mirrors snippets/databases/sql_windows.py: ranking ties and the default window frame."""

from __future__ import annotations

from typing import Any

import pytest

from labkit import db
from tests import support


def rows(conn: Any, sql: str) -> list[tuple[int, ...]]:
    """The rows with every value as an int (engines return Decimal or int)."""
    return [tuple(int(v) for v in row) for row in support.rows(conn, sql)]


def test_rank_skips_after_a_tie_and_dense_rank_does_not(shop: Any) -> None:
    got = rows(shop, """SELECT RANK() OVER (ORDER BY total_cents DESC),
                               DENSE_RANK() OVER (ORDER BY total_cents DESC)
                        FROM orders WHERE customer_id = 1 ORDER BY 1, 2""")
    assert got == [(1, 1), (1, 1), (3, 2)]


def test_default_frame_gives_peers_the_same_running_total(shop: Any) -> None:
    got = rows(shop, """SELECT id,
                               SUM(total_cents) OVER (ORDER BY ordered_on),
                               SUM(total_cents) OVER (ORDER BY ordered_on, id
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                        FROM orders ORDER BY ordered_on, id""")
    by_id = {order: (default, rows_frame) for order, default, rows_frame in got}
    assert by_id[1][0] == by_id[2][0] == 16000  # the two 1 March orders are peers
    assert by_id[1][1] == 4000 and by_id[2][1] == 16000
    running = [rows_frame for _, _, rows_frame in got]
    assert running == sorted(set(running)), "a ROWS frame grows on every row"


def test_latest_order_per_customer(shop: Any) -> None:
    got = rows(shop, """WITH r AS (SELECT customer_id, id, ROW_NUMBER() OVER (
                            PARTITION BY customer_id ORDER BY ordered_on DESC, id DESC) AS n
                        FROM orders WHERE customer_id IS NOT NULL)
                        SELECT customer_id, id FROM r WHERE n = 1 ORDER BY customer_id""")
    assert got == [(1, 6), (2, 5), (3, 4)]


def test_mariadb_reserves_row_number_as_a_word() -> None:
    support.require_server("mariadb")
    with db.scratch(db.ENGINES["mariadb"]) as conn, conn.cursor() as cursor:
        with pytest.raises(conn.Error) as caught:
            cursor.execute("SELECT 1 AS row_number")
        assert caught.value.args[0] == 1064
