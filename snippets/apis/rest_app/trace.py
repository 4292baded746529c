"""Print an HTTP exchange the way the page shows it: request line, status, Location, JSON body."""

from __future__ import annotations

import json
from typing import Any

import httpx


def compact(value: Any) -> str:
    """JSON on one line, with non-ASCII letters left as they are."""
    return json.dumps(value, ensure_ascii=False)


def layout(body: Any) -> str:
    """A JSON body with one line per list item, so a list of books or errors reads down."""
    if isinstance(body, list):
        return "[\n" + ",\n".join(f"  {compact(item)}" for item in body) + "\n]"
    if isinstance(body, dict) and any(isinstance(v, list) for v in body.values()):
        members = [f"  {compact(key)}: " + layout(value).replace("\n", "\n  ")
                   for key, value in body.items()]
        return "{\n" + ",\n".join(members) + "\n}"
    return compact(body)


# --8<-- [start:show]
def show(response: httpx.Response) -> None:
    """Print the request line and body, then the status, any Location, and the JSON body."""
    request = response.request
    target = request.url.raw_path.decode()  # the path and query, never the host or port
    sent = f"  {request.content.decode()}" if request.content else ""
    print(f"{request.method} {target}{sent}")
    print(f"  → {response.status_code} {response.reason_phrase}")
    if "location" in response.headers:
        print(f"    Location: {response.headers['location']}")
    body = layout(response.json()) if response.content else "(no body)"
    print("    " + body.replace("\n", "\n    "))
# --8<-- [end:show]
