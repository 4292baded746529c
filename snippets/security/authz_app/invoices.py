"""The invoices every demo app serves: a small SQLite table, safe to share between threads."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Mapping
from typing import Any

SCHEMA = """
CREATE TABLE invoices (
    id           INTEGER PRIMARY KEY,
    owner_id     INTEGER NOT NULL,
    customer     TEXT    NOT NULL,
    amount_cents INTEGER NOT NULL,
    pay_to       TEXT    NOT NULL
)"""

ROWS = [
    (1, 1, "Northwind", 120_000, "alice-bank"),
    (2, 2, "Contoso", 89_000, "bob-bank"),
    (3, 2, "Fabrikam", 45_500, "bob-bank"),
    (4, 3, "Tailspin", 310_000, "carol-bank"),
]


def _bind(params: tuple[Any, ...]) -> Any:
    """Positional parameters as given, or the one mapping given for named (:name) ones."""
    return params[0] if len(params) == 1 and isinstance(params[0], Mapping) else params


class Invoices:
    """An in-memory invoice table; one lock, because uvicorn calls endpoints from threads."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:", check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.lock = threading.Lock()
        self.conn.execute(SCHEMA)
        self.conn.executemany("INSERT INTO invoices VALUES (?, ?, ?, ?, ?)", ROWS)
        self.conn.commit()

    def one(self, sql: str, *params: Any) -> dict[str, Any] | None:
        """The first row of a query, as a dict, or None."""
        with self.lock:
            row = self.conn.execute(sql, _bind(params)).fetchone()
        return dict(row) if row else None

    def all(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        """Every row of a query, as dicts."""
        with self.lock:
            return [dict(row) for row in self.conn.execute(sql, _bind(params))]

    def change(self, sql: str, *params: Any) -> int:
        """Run an INSERT, UPDATE or DELETE and commit; return how many rows it touched."""
        with self.lock:
            count = self.conn.execute(sql, _bind(params)).rowcount
            self.conn.commit()
        return count
