"""Mirrors snippets/languages/rt_polling.py: short polling wastes requests, long polling not."""

from __future__ import annotations

from snippets.languages import rt_polling


def test_long_polling_needs_one_request_per_update(capsys) -> None:
    rt_polling.main()
    out = capsys.readouterr().out
    assert f"long polling: {rt_polling.UPDATES} requests, 0 empty" in out
