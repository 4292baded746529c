"""Model chat messages the Cassandra way: one table per query, partition key + clustering columns.

Cassandra is not installed here, so `WideTable` is a small in-memory stand-in that keeps the
rules that shape a Cassandra design: the partition key picks the node that stores a row,
rows inside a partition stay sorted by the clustering columns, a query must name its
partition, and an insert with an existing primary key overwrites the row.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Any

NODES = ("node-a", "node-b", "node-c")

Row = dict[str, Any]


class QueryRefused(Exception):
    """A query that does not name a partition: it would have to ask every node."""


# --8<-- [start:table]
@dataclass
class WideTable:
    """Rows grouped into partitions spread over NODES, sorted newest first inside each."""

    name: str
    partition_key: tuple[str, ...]
    clustering: tuple[str, ...]
    partitions: dict[tuple[Any, ...], list[tuple[tuple[Any, ...], Row]]] = field(
        default_factory=dict)

    def node_for(self, partition: tuple[Any, ...]) -> str:
        """The node that owns a partition: its key's hash (token) falls in that node's range."""
        key = "/".join(map(str, partition)).encode()
        digest = hashlib.md5(key, usedforsecurity=False).digest()  # spreading, not security
        token = int.from_bytes(digest[:8], "big")
        return NODES[token * len(NODES) >> 64]  # three equal slices of the 64-bit ring

    def insert(self, row: Row) -> None:
        """Write a row; one with the same primary key is overwritten (an upsert)."""
        rows = self.partitions.setdefault(tuple(row[c] for c in self.partition_key), [])
        sort_key = tuple(row[c] for c in self.clustering)
        at = bisect.bisect_left(rows, sort_key, key=lambda item: item[0])
        if at < len(rows) and rows[at][0] == sort_key:
            rows[at] = (sort_key, row)  # same primary key: replace, no error  # [mark:upsert]
        else:
            rows.insert(at, (sort_key, row))  # kept in clustering order

    def select(self, limit: int | None = None, **where: Any) -> list[Row]:
        """Rows of ONE partition, newest first; the partition key must be given in full."""
        missing = [c for c in self.partition_key if c not in where]
        if missing:
            raise QueryRefused(f"{self.name} needs {' and '.join(missing)}: "
                               f"without the partition key every node must be scanned")
        rows = self.partitions.get(tuple(where[c] for c in self.partition_key), [])
        return [row for _, row in reversed(rows)][:limit]  # a slice of one sorted partition

    def cql_key(self) -> str:
        """How this key reads in Cassandra's CQL."""
        columns = ", ".join(self.clustering)
        order = ", ".join(f"{c} DESC" for c in self.clustering)
        return (f"PRIMARY KEY (({', '.join(self.partition_key)}), {columns})"
                f" WITH CLUSTERING ORDER BY ({order})")
# --8<-- [end:table]


# --8<-- [start:design]
# Query 1: the latest messages of a channel on a given day.
by_channel = WideTable("messages_by_channel", ("channel", "day"), ("sent_at", "msg_id"))
# Query 2: everything one person wrote, newest first.
by_author = WideTable("messages_by_author", ("author",), ("sent_at", "msg_id"))


def post(message: Row) -> None:
    """Write a message once per query it must answer: no joins later, so copy now."""
    for table in (by_channel, by_author):  # [mark:denormalize]
        table.insert(message)
# --8<-- [end:design]


MESSAGES = [
    ("general", "2024-05-01", "09:00", 1, "ana", "morning all"),
    ("general", "2024-05-01", "09:02", 2, "ben", "hi ana"),
    ("random", "2024-05-01", "10:15", 3, "ana", "lunch?"),
    ("general", "2024-05-02", "08:55", 4, "cy", "deploy at noon"),
    ("general", "2024-05-02", "09:10", 5, "ana", "tests are green"),
    ("general", "2024-05-02", "09:11", 6, "ben", "ship it"),
    ("general", "2024-05-02", "12:01", 7, "cy", "deployed"),
    ("ops", "2024-05-02", "12:03", 8, "cy", "error rate normal"),
]


def main() -> None:
    """Post the messages, answer both queries, then try a query the design does not serve."""
    for channel, day, clock, msg_id, author, text in MESSAGES:
        post({"channel": channel, "day": day, "sent_at": f"{day} {clock}", "msg_id": msg_id,
              "author": author, "text": text})

    # --8<-- [start:demo]
    for table in (by_channel, by_author):
        print(f"{table.name}: {table.cql_key()}")
        for partition, rows in table.partitions.items():
            print(f"  partition {partition} -> {table.node_for(partition)}, {len(rows)} row(s)")

    print("\nlatest 3 in #general on 2024-05-02:")
    for m in by_channel.select(channel="general", day="2024-05-02", limit=3):
        print(f"  {m['sent_at']} {m['author']}: {m['text']}")
    print("everything by ana:")
    for m in by_author.select(author="ana"):
        print(f"  {m['sent_at']} #{m['channel']}: {m['text']}")

    try:
        by_channel.select(author="ana")
    except QueryRefused as refused:
        print(f"refused: {refused}")  # [mark:refused]

    post({"channel": "general", "day": "2024-05-02", "sent_at": "2024-05-02 12:01", "msg_id": 7,
          "author": "cy", "text": "deployed (v2.4.1)"})  # the same primary key again
    latest = by_channel.select(channel="general", day="2024-05-02", limit=1)[0]
    count = len(by_channel.select(channel="general", day="2024-05-02"))
    print(f"after re-inserting message 7: {count} rows, latest says {latest['text']!r}")
    # --8<-- [end:demo]


if __name__ == "__main__":
    main()
