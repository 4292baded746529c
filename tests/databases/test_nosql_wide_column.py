"""Mirrors snippets/databases/nosql_wide_column.py: partitions, order, refusals, upserts."""

from __future__ import annotations

import pytest

from snippets.databases.nosql_wide_column import NODES, QueryRefused, WideTable


def table() -> WideTable:
    t = WideTable("readings", ("sensor", "day"), ("at",))
    for sensor in ("s1", "s2"):
        for day in ("d1", "d2"):
            for at in ("03", "01", "02"):
                t.insert({"sensor": sensor, "day": day, "at": f"{day} {at}", "value": at})
    return t


def test_rows_come_back_newest_first_within_one_partition() -> None:
    rows = table().select(sensor="s1", day="d2")
    assert [r["at"] for r in rows] == ["d2 03", "d2 02", "d2 01"]


def test_a_query_without_the_whole_partition_key_is_refused() -> None:
    with pytest.raises(QueryRefused, match="day"):
        table().select(sensor="s1")


def test_insert_with_an_existing_key_overwrites() -> None:
    t = table()
    t.insert({"sensor": "s1", "day": "d1", "at": "d1 01", "value": "new"})
    rows = t.select(sensor="s1", day="d1")
    assert len(rows) == 3 and rows[-1]["value"] == "new"


def test_placement_is_stable_and_uses_every_node_eventually() -> None:
    t = table()
    assert t.node_for(("s1", "d1")) == t.node_for(("s1", "d1"))
    nodes = {t.node_for((f"sensor-{n}", "d1")) for n in range(100)}
    assert nodes == set(NODES)


def test_cql_key_reads_like_cassandra() -> None:
    assert table().cql_key() == (
        "PRIMARY KEY ((sensor, day), at) WITH CLUSTERING ORDER BY (at DESC)"
    )
