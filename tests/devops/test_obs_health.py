"""Mirrors snippets/devops/obs_health.py: liveness stays up while readiness follows dependencies."""

from __future__ import annotations

from pathlib import Path

import httpx

from labkit.serve import serve_in_thread
from snippets.devops.obs_kit.health import Database, Lifecycle
from snippets.devops.obs_kit.service import Observability, observable_app


def test_readiness_fails_while_the_database_is_down(tmp_path: Path) -> None:
    db = Database(tmp_path / "loans.db")
    db.create()
    life = Lifecycle()
    with serve_in_thread(observable_app(db, Observability(), life)) as base, \
            httpx.Client(base_url=base) as client:
        assert client.get("/readyz").status_code == 200
        db.path.unlink()
        assert client.get("/healthz").status_code == 200
        down = client.get("/readyz")
        assert down.status_code == 503 and down.json()["status"] == "not ready"
        assert not db.path.exists()                     # mode=rw never creates the file
        db.create()
        assert client.get("/readyz").status_code == 200
        life.draining = True
        assert client.get("/readyz").json()["checks"] == {"database": "ok", "draining": "yes"}
        assert client.get("/healthz").status_code == 200
