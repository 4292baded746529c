"""Mirrors snippets/devops/cloud_cold_start.py: init once per environment, state per environment."""

from __future__ import annotations

import json

import pytest

from snippets.devops.cloud_kit.runtime import FUNCTION, ExecutionEnvironment, http_event


def test_init_runs_once_per_environment(capsys: pytest.CaptureFixture[str]) -> None:
    a = ExecutionEnvironment(FUNCTION, "a")
    book = json.dumps({"title": "Ubik", "author": "Philip K. Dick", "year": 1969,
                       "isbn": "9780547572291"})
    a.invoke(http_event("POST", "/books", book))
    for _ in range(3):
        a.invoke(http_event("GET", "/books"))
    b = ExecutionEnvironment(FUNCTION, "b")
    assert capsys.readouterr().out.count("INIT:") == 2
    assert a.module.INVOCATIONS == 4 and a.module.APP is not b.module.APP
    assert json.loads(b.invoke(http_event("GET", "/books"))["body"]) == []


def test_snippet_output(capsys: pytest.CaptureFixture[str]) -> None:
    from snippets.devops.cloud_cold_start import main

    main()
    out = capsys.readouterr().out
    assert out.count("INIT:") == 2 and "invocations: 5, inits (one per environment): 2" in out
    assert "cold env-B GET  /books  -> 200 []" in out
