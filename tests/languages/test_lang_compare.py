"""Mirrors snippets/languages/lang_compare.py: four languages, one contract, sane costs."""

from __future__ import annotations

import json
import os
import shutil
import sys

import pytest

from labkit.serve import free_port
from snippets.languages.lang_programs import launch

PAGE = launch.HERE.parents[2] / "docs" / "languages" / "choosing.md"
PROGRAMS = [pytest.param(p, id=p.language) for p in launch.PROGRAMS]


def require_tool(tool: str) -> None:
    """Skip when a toolchain is missing; fail instead when `CI` is set (.ci/run installs it)."""
    if tool == sys.executable or shutil.which(tool):
        return
    if os.environ.get("CI"):
        pytest.fail(f"{tool} is not installed, and CI is set: .ci/run installs it")
    pytest.skip(f"{tool} is not installed")


@pytest.mark.parametrize("program", PROGRAMS)
def test_every_program_keeps_the_contract(program: launch.Program) -> None:
    require_tool(program.tool)
    with launch.running(program, free_port()) as server:
        conn = server.connect()
        for book_id, title in ((1, "Dune"), (2, "Kindred"), (3, "Neuromancer")):
            reply = launch.get(conn, f"/books/{book_id}")
            assert reply.status == 200
            assert reply.content_type.split(";")[0] == "application/json"
            assert json.loads(reply.body) == {"id": book_id, "title": title}
        missing = launch.get(conn, "/books/99")
        assert missing.status == 404
        assert missing.content_type.split(";")[0] == "application/json"
        assert json.loads(missing.body) == {"error": "book not found"}
        conn.close()
        process = server.process
    assert process.poll() is not None, "the program still runs after the with block"


@pytest.mark.parametrize("program", PROGRAMS)
def test_costs_meet_the_page_claims(program: launch.Program) -> None:
    require_tool(program.tool)
    with launch.running(program, free_port()) as server:
        launch.requests_per_second(server, 200)
        rate = launch.requests_per_second(server, 500)
        assert server.startup_s <= 15
        assert 5 < server.peak_rss_mb() <= 500
        assert rate >= 50, "too slow: is Nagle's algorithm back on (see lang_nagle)?"


def test_rails_sends_its_default_headers() -> None:
    require_tool("ruby")
    with launch.running(launch.RUBY, free_port()) as server:
        reply = launch.get(server.connect(), "/books/1")
    assert {"x-frame-options", "x-content-type-options", "x-request-id"} <= set(reply.headers)
    assert reply.content_type == "application/json; charset=utf-8"
