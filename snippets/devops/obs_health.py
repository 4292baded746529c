"""Liveness versus readiness: take the database away, then start draining, and ask both."""

from __future__ import annotations

import tempfile
from pathlib import Path

import httpx

from labkit.serve import serve_in_thread
from snippets.devops.obs_kit.health import Database, Lifecycle
from snippets.devops.obs_kit.service import Observability, observable_app


def probe(client: httpx.Client, moment: str) -> None:
    """Print what /healthz and /readyz answer right now."""
    live, ready = client.get("/healthz"), client.get("/readyz")
    print(f"{moment}")
    print(f"  /healthz {live.status_code}  /readyz {ready.status_code} {ready.json()['checks']}")


def main() -> None:
    """Probe a healthy service, one whose database file vanished, and one shutting down."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "loans.db")
        db.create()
        life = Lifecycle()
        # --8<-- [start:probe]
        with serve_in_thread(observable_app(db, Observability(), life)) as base, \
                httpx.Client(base_url=base) as client:
            probe(client, "all well")
            db.path.rename(db.path.with_suffix(".away"))       # the database goes down
            probe(client, "database down")
            print("  GET /books/1/availability ->",
                  client.get("/books/1/availability").status_code)
            db.path.with_suffix(".away").rename(db.path)       # ... and comes back
            probe(client, "database back")
            life.draining = True                               # SIGTERM: stop taking traffic
            probe(client, "draining before shutdown")
        # --8<-- [end:probe]


if __name__ == "__main__":
    main()
