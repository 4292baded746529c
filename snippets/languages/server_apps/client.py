"""One client function for every server on the page: call it, then describe what came back."""

from __future__ import annotations

import json

import httpx

SHOWN_HEADERS = ("server", "content-type", "content-length", "connection",
                 "x-frame-options", "x-content-type-options", "referrer-policy",
                 "cross-origin-opener-policy", "vary", "allow")
"""Header fields worth printing; `Date` (the time) is left out so outputs repeat."""


# --8<-- [start:fetch]
def fetch(base_url: str, path: str = "/books/1", method: str = "GET",
          headers: dict[str, str] | None = None) -> httpx.Response:
    """Send one request with httpx, a real HTTP client, and return its response."""
    with httpx.Client(base_url=base_url, timeout=10) as client:
        return client.request(method, path, headers=headers)
# --8<-- [end:fetch]


def body_text(response: httpx.Response, width: int = 70) -> str:
    """The body on one line: JSON compacted, anything else cut to `width` characters."""
    if "json" in response.headers.get("content-type", ""):
        return json.dumps(response.json(), separators=(",", ":"))
    text = " ".join(response.text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def describe(response: httpx.Response, fields: tuple[str, ...] = SHOWN_HEADERS,
             *, raw_body: bool = False) -> str:
    """The status, the chosen header fields in the order the server sent them, the body.

    With `raw_body`, the body is printed as the exact bytes received.
    """
    lines = [f"{response.http_version} {response.status_code} {response.reason_phrase}"]
    lines += [f"  {name}: {value}" for name, value in response.headers.items()
              if name in fields]
    body = repr(response.content) if raw_body else body_text(response)
    lines.append(f"  body: {body}")
    return "\n".join(lines)
