"""Mirrors snippets/languages/logic_streaming.py: a generator pipeline gives the same totals."""

from __future__ import annotations

from pathlib import Path

from snippets.languages import logic_streaming
from snippets.languages.logic_library.memory import peak_bytes


def test_same_totals_far_less_memory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(logic_streaming, "ROWS", 20_000)
    path = tmp_path / "returns.csv"
    logic_streaming.write_export(path)
    eager, eager_peak = peak_bytes(lambda: logic_streaming.fines_eager(path))
    streamed, stream_peak = peak_bytes(lambda: logic_streaming.fines_streamed(path))
    assert eager == streamed and sum(eager.values()) > 0
    assert eager_peak > 10 * stream_peak


def test_generators_are_lazy(tmp_path: Path) -> None:
    rows = logic_streaming.read_rows(tmp_path / "absent.csv")  # nothing opened yet
    assert iter(rows) is rows
