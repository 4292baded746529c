"""Structured JSON logs: one line per event, each carrying the id of the request it belongs to."""

from __future__ import annotations

import io
import itertools
import json
import logging
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import httpx

from labkit.serve import serve_in_thread
from snippets.devops.obs_kit.health import Database
from snippets.devops.obs_kit.logs import json_logger, request_id
from snippets.devops.obs_kit.service import Observability, observable_app

FIXED_TIME = datetime(2025, 3, 14, 9, 26, 53, 589000, tzinfo=UTC)


def main() -> None:
    """Send three requests (id given, id missing, id unsafe); print the log lines they left."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "loans.db")
        db.create()
        # --8<-- [start:setup]
        stream = io.StringIO()
        logger = json_logger("library.access", stream, now=lambda: FIXED_TIME)
        json_logger("library", stream, now=lambda: FIXED_TIME)  # the app's own log lines
        numbers = itertools.count(1)
        obs = Observability(logger=logger,
                            new_id=lambda: f"gen-{next(numbers):04d}",  # uuid4().hex by default
                            stopwatch=lambda: (lambda: 0.0042))         # pinned: 4.2 ms
        app = observable_app(db, obs)
        # --8<-- [end:setup]
        # --8<-- [start:requests]
        with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
            for sent in ("checkout-7f3a", None, "x\", \"level\": \"admin"):
                headers = {"X-Request-ID": sent} if sent else {}
                response = client.get("/books/1/availability", headers=headers)
                print(f"sent {sent!r:<28} -> X-Request-ID: {response.headers['x-request-id']}")
        # --8<-- [end:requests]
        print()
        for line in stream.getvalue().splitlines():
            print(line)
        # --8<-- [start:redact]
        token = request_id.set("gen-0099")
        typed = "hunter2"                              # what the user typed, passed on by mistake
        logging.getLogger("library").warning(
            "login failed", extra={"user_id": 17, "password": typed})
        request_id.reset(token)
        last = stream.getvalue().splitlines()[-1]
        print(f"\n{last}")
        assert json.loads(last)["password"] == "[redacted]"
        # --8<-- [end:redact]


if __name__ == "__main__":
    main()
