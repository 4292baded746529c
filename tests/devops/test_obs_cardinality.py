"""Mirrors snippets/devops/obs_cardinality.py: raw paths multiply series, templates do not."""

from __future__ import annotations

import pytest

from snippets.devops import obs_cardinality


def test_raw_path_makes_one_series_per_url(capsys: pytest.CaptureFixture[str]) -> None:
    obs_cardinality.main()
    out = capsys.readouterr().out
    assert "series labelled by raw path:       350" in out
    assert "series labelled by route template: 2" in out
    assert "GET /books/{book_id}   404  300" in out
    assert "GET unmatched          404  50" in out
