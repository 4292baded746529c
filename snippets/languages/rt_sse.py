"""Server-sent events: a one-way stream over plain HTTP, resumed with Last-Event-ID."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.sse import EventSourceResponse, ServerSentEvent

from labkit.serve import serve_in_thread

STEPS = ["queued", "building", "testing\n12 of 12 passed", "deployed"]
"""The progress of one deployment job, one event per step."""

PER_RESPONSE = 2
"""Each response ends after two events: a stand-in for a connection a proxy cuts."""


# --8<-- [start:server]
def resume_point(last_event_id: Annotated[int | None, Header()] = None) -> int:
    """Where to start: after the last event the client saw (0 on a first connection).

    A dependency runs before the response starts, so it can still choose the status code.
    """
    start = last_event_id or 0
    if start >= len(STEPS):
        raise HTTPException(status_code=204)  # the job is over: "stop reconnecting"
    return start


def create_app() -> FastAPI:
    """`GET /jobs/42/events`: the job's steps as a text/event-stream."""
    app = FastAPI()

    @app.get("/jobs/42/events", response_class=EventSourceResponse)
    async def events(
        start: Annotated[int, Depends(resume_point)],
    ) -> AsyncIterator[ServerSentEvent]:
        for number in range(start + 1, min(start + PER_RESPONSE, len(STEPS)) + 1):
            yield ServerSentEvent(
                id=str(number),  # [mark:id]
                event="step",
                raw_data=STEPS[number - 1],
                retry=100 if number == 1 else None,  # reconnect after 100 ms
            )

    return app
# --8<-- [end:server]


# --8<-- [start:parser]
@dataclass
class EventSourceState:
    """What an EventSource remembers between connections (HTML Standard, §9.2)."""

    last_event_id: str = ""
    retry_ms: int = 3000

    def parse(self, lines: Iterable[str]) -> Iterator[tuple[str, str, str]]:
        """Turn lines into (event type, data, last event id); a blank line ends an event."""
        kind, data = "", []
        for line in lines:
            if not line:  # dispatch
                if data:
                    yield kind or "message", "\n".join(data), self.last_event_id
                kind, data = "", []
                continue
            if line.startswith(":"):
                continue  # a comment, e.g. a keep-alive
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "data":
                data.append(value)
            elif name == "event":
                kind = value
            elif name == "id" and "\0" not in value:
                self.last_event_id = value  # [mark:remember]
            elif name == "retry" and value.isdigit():
                self.retry_ms = int(value)
# --8<-- [end:parser]


# --8<-- [start:follow]
def follow(client: httpx.Client, path: str) -> None:
    """Read the stream like a browser's EventSource: reconnect until the server says 204."""
    state = EventSourceState()
    for attempt in range(1, 10):
        headers = {"Last-Event-ID": state.last_event_id} if state.last_event_id else {}
        with client.stream("GET", path, headers=headers) as response:
            sent = headers.get("Last-Event-ID", "(none)")
            print(f"connection {attempt}: Last-Event-ID {sent} -> {response.status_code}")
            if response.status_code == 204:
                print("  204 No Content: the client stops reconnecting")
                return
            lines = list(response.iter_lines())
            if attempt == 1:
                print(f"  Content-Type: {response.headers['content-type']}, "
                      f"Cache-Control: {response.headers['cache-control']}")
            print("  on the wire: " + " ".join(repr(line) for line in lines))
            for kind, data, last_id in state.parse(lines):
                print(f"  event {kind!r} id {last_id}: {data!r}")
        print(f"  stream ended; reconnecting in {state.retry_ms} ms")
        time.sleep(state.retry_ms / 1000)  # [mark:retry]
# --8<-- [end:follow]


def main() -> None:
    """Follow a deployment's progress across dropped connections."""
    with serve_in_thread(create_app()) as base, httpx.Client(base_url=base) as client:
        follow(client, "/jobs/42/events")


if __name__ == "__main__":
    main()
