"""Mirrors snippets/languages/logic_tangled.py: the "before" works, but only through HTTP."""

from __future__ import annotations

from pathlib import Path

import httpx

from labkit import db
from labkit.serve import serve_in_thread
from snippets.languages.logic_library.sqlite_repo import create_library
from snippets.languages.logic_tangled import create_tangled_app


def test_limit_and_malformed_input() -> None:
    with db.scratch_space() as space:
        path = Path(space.path)
        create_library(path, members=[1], books=range(1, 6))
        with serve_in_thread(create_tangled_app(path)) as base, \
                httpx.Client(base_url=base) as client:
            statuses = [client.post("/loans", json={"member_id": 1, "book_id": b}).status_code
                        for b in (1, 2, 3, 4)]
            assert statuses == [201, 201, 201, 409]
            # never validated: a malformed body is a crash, not a client error
            bad = client.post("/loans", json={"member_id": "one", "book_id": 5})
            assert bad.status_code == 500
