"""Liveness and readiness: is the process alive, and can it serve requests right now?"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse


class Database:
    """The loans database, a SQLite file that must already exist (it can be 'down')."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def create(self) -> None:
        """Create the file with a loans table and two loans (book 1 out, book 2 returned)."""
        with sqlite3.connect(self.path) as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS loans"
                         " (id INTEGER PRIMARY KEY, book_id INTEGER, returned INTEGER)")
            conn.executemany("INSERT INTO loans (book_id, returned) VALUES (?, ?)",
                             [(1, 0), (2, 1)])
        conn.close()

    def connect(self) -> sqlite3.Connection:
        """A connection, or sqlite3.OperationalError if the file is gone (mode=rw never creates)."""
        return sqlite3.connect(f"file:{self.path}?mode=rw", uri=True)

    def ping(self) -> str | None:
        """None if a trivial query works, else the reason it failed."""
        try:
            conn = self.connect()
            try:
                conn.execute("SELECT 1").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as error:
            return str(error)
        return None


@dataclass
class Lifecycle:
    """State the readiness check reads: set `draining` when shutdown begins."""

    draining: bool = False


# --8<-- [start:routes]
def add_health_routes(app: FastAPI, db: Database, life: Lifecycle) -> None:
    """GET /healthz (liveness) and GET /readyz (readiness) on `app`."""

    @app.get("/healthz", include_in_schema=False)
    def liveness() -> dict[str, str]:
        """The process is up and its event loop answers. Checks no dependency on purpose."""
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    def readiness() -> JSONResponse:
        """Ready only if every dependency answers and we are not shutting down."""
        checks: dict[str, Any] = {"database": db.ping() or "ok",
                                  "draining": "yes" if life.draining else "ok"}
        ready = all(value == "ok" for value in checks.values())
        return JSONResponse({"status": "ready" if ready else "not ready", "checks": checks},
                            status_code=200 if ready else 503)
# --8<-- [end:routes]
