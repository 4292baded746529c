"""Mirrors snippets/languages/logic_export.py: the first rows arrive before the export ends."""

from __future__ import annotations

from pathlib import Path

import httpx

from labkit import db
from labkit.serve import serve_in_thread
from snippets.languages.logic_export import Timeline, create_export_app
from snippets.languages.logic_library.export import fill_loans


def test_streamed_rows_arrive_early_and_complete() -> None:
    timeline = Timeline()
    with db.scratch_space() as space:
        fill_loans(space.connect(), 3_000)
        app = create_export_app(Path(space.path), timeline.watch)
        with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
            lines = []
            with client.stream("GET", "/loans.csv") as response:
                for line in response.iter_lines():
                    lines.append(line)
                    if len(lines) == 2:
                        timeline.add("client: first row")
                        timeline.client_has_rows.set()
    assert response.headers["content-type"].startswith("text/csv")
    assert "content-length" not in response.headers
    assert response.headers["transfer-encoding"] == "chunked"
    assert len(lines) == 3_001 and lines[1].startswith("1,")
    events = timeline.events
    assert events.index("client: first row") < events.index("server: export finished")
    assert "server: the client has received nothing yet" not in events
