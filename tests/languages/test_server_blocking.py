"""Mirrors snippets/languages/server_blocking.py: an idle connection stalls an iterative server."""

from __future__ import annotations

from snippets.languages.server_blocking import second_client_while_first_is_open


def test_one_connection_at_a_time_stalls_the_second_client() -> None:
    assert "timed out" in second_client_while_first_is_open(threaded=False)


def test_a_thread_per_connection_does_not() -> None:
    assert second_client_while_first_is_open(threaded=True) == "B got 200"
