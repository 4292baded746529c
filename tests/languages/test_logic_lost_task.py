"""Mirrors snippets/languages/logic_lost_task.py: a killed server loses its pending task."""

from __future__ import annotations

import signal

from snippets.languages.logic_lost_task import borrow_then_stop


def test_graceful_stop_finishes_the_task() -> None:
    assert borrow_then_stop(signal.SIGTERM) is True


def test_a_crash_loses_the_task() -> None:
    assert borrow_then_stop(signal.SIGKILL) is False
