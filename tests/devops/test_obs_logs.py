"""Mirrors snippets/devops/obs_logs.py: JSON lines, request ids accepted or generated, redaction."""

from __future__ import annotations

import io
import json
from pathlib import Path

import httpx

from labkit.serve import serve_in_thread
from snippets.devops.obs_kit.health import Database
from snippets.devops.obs_kit.logs import json_logger
from snippets.devops.obs_kit.service import Observability, observable_app


def test_request_ids_in_every_line_and_header(tmp_path: Path) -> None:
    db = Database(tmp_path / "loans.db")
    db.create()
    stream = io.StringIO()
    logger = json_logger("test.access", stream)
    json_logger("library", stream)
    app = observable_app(db, Observability(logger=logger))
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        given = client.get("/books/1/availability", headers={"X-Request-ID": "abc-123"})
        made = client.get("/books/1/availability")
        unsafe = client.get("/books", headers={"X-Request-ID": "a" * 65})
    assert given.headers["x-request-id"] == "abc-123"
    generated = made.headers["x-request-id"]
    assert len(generated) == 32 and int(generated, 16) >= 0          # uuid4().hex
    assert unsafe.headers["x-request-id"] not in ("a" * 65, generated)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [line["request_id"] for line in lines] == [
        "abc-123", "abc-123", generated, generated, unsafe.headers["x-request-id"]]
    access = [line for line in lines if line["msg"] == "request finished"]
    assert {line["route"] for line in access} == {"/books/{book_id}/availability", "/books"}
    assert all(line["ts"].endswith("+00:00") for line in lines)


def test_secrets_are_redacted() -> None:
    stream = io.StringIO()
    logger = json_logger("test.redact", stream)
    logger.info("login", extra={"Password": "p", "token": "t", "user_id": 3})
    line = json.loads(stream.getvalue())
    assert line["Password"] == line["token"] == "[redacted]"
    assert line["user_id"] == 3 and line["request_id"] is None
