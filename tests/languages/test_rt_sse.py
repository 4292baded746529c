"""Mirrors snippets/languages/rt_sse.py: an event stream, resumed with Last-Event-ID."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread
from snippets.languages.rt_sse import STEPS, EventSourceState, create_app, follow


def test_the_stream_is_text_event_stream_with_ids() -> None:
    with serve_in_thread(create_app()) as base:
        response = httpx.get(f"{base}/jobs/42/events")
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-cache"
    assert "id: 1\n" in response.text and "retry: 100\n" in response.text


def test_last_event_id_resumes_after_that_event_and_204_ends_it() -> None:
    with serve_in_thread(create_app()) as base:
        resumed = httpx.get(f"{base}/jobs/42/events", headers={"Last-Event-ID": "2"})
        over = httpx.get(f"{base}/jobs/42/events", headers={"Last-Event-ID": str(len(STEPS))})
    events = list(EventSourceState().parse(resumed.text.splitlines()))
    assert [(data, last_id) for _, data, last_id in events] == [
        ("testing\n12 of 12 passed", "3"), ("deployed", "4")]
    assert over.status_code == 204


def test_follow_gets_every_step_exactly_once(capsys) -> None:
    with serve_in_thread(create_app()) as base, httpx.Client(base_url=base) as client:
        follow(client, "/jobs/42/events")
    out = capsys.readouterr().out
    assert out.count("  event 'step'") == len(STEPS)
    assert "connection 3: Last-Event-ID 4 -> 204" in out


def test_the_parser_follows_the_html_standard_rules() -> None:
    state = EventSourceState()
    lines = [": keep-alive", "data:no space", "data:  two spaces", "", "id: 7", "retry: x",
             "event: tick", "data: a", "", "data: b", ""]
    events = list(state.parse(lines))
    assert events[0] == ("message", "no space\n two spaces", "")  # one leading space removed
    assert events[1] == ("tick", "a", "7")
    assert events[2] == ("message", "b", "7")  # the last event ID persists
    assert state.retry_ms == 3000  # "retry: x" is not all digits: ignored
