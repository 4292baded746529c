"""Mirrors snippets/languages/logic_background.py: BackgroundTasks run after the response."""

from __future__ import annotations

from snippets.languages.logic_background import borrow_once


def test_inline_email_delays_the_response() -> None:
    events = borrow_once(in_background=False)
    assert events.index("mailer: receipt for loan 1 sent") < events.index("client: got 201")


def test_background_email_goes_after_the_response() -> None:
    events = borrow_once(in_background=True)
    assert events == ["service: loan 1 saved", "client: got 201",
                      "mailer: receipt for loan 1 sent"]
