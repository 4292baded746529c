"""Run an ASGI app (the library's FastAPI app) behind an API Gateway HTTP API, format 2.0.

API Gateway hands a Lambda function a JSON event and expects a JSON response; the app
speaks ASGI. These functions translate one into the other, the job the Mangum library
does in production.
"""

from __future__ import annotations

import asyncio
import base64
from typing import Any
from urllib.parse import unquote

TEXT_TYPES = ("application/json", "application/problem+json", "text/")


# --8<-- [start:scope]
def asgi_scope(event: dict[str, Any]) -> dict[str, Any]:
    """The ASGI HTTP scope for a payload-format-2.0 event."""
    http = event["requestContext"]["http"]
    headers = [(name.lower().encode("latin-1"), value.encode("latin-1"))
               for name, value in event.get("headers", {}).items()]
    if event.get("cookies"):  # 2.0 moves Cookie headers into their own list [mark:cookies]
        headers.append((b"cookie", "; ".join(event["cookies"]).encode("latin-1")))
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
        "method": http["method"], "scheme": "https",
        "path": unquote(event["rawPath"]), "raw_path": event["rawPath"].encode(),
        "query_string": event.get("rawQueryString", "").encode(),
        "root_path": "", "headers": headers,
        "server": (event["requestContext"]["domainName"], 443),
        "client": (http["sourceIp"], 0),
    }


def request_body(event: dict[str, Any]) -> bytes:
    """The body as bytes: API Gateway may send it base64-encoded, and says so."""
    body = event.get("body") or ""
    return base64.b64decode(body) if event.get("isBase64Encoded") else body.encode()
# --8<-- [end:scope]


async def call_asgi(app: Any, scope: dict[str, Any], body: bytes) -> tuple[int, list, bytes]:
    """Send one request through `app`; collect the status, headers and body it answers."""
    sent = False
    status, headers, chunks = 500, [], []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, headers
        if message["type"] == "http.response.start":
            status, headers = message["status"], message.get("headers", [])
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, headers, b"".join(chunks)


# --8<-- [start:response]
def lambda_response(status: int, raw_headers: list, body: bytes) -> dict[str, Any]:
    """The documented 2.0 response: statusCode, headers, body, isBase64Encoded (+ cookies)."""
    headers: dict[str, str] = {}
    cookies: list[str] = []
    for name, value in raw_headers:
        name, value = name.decode("latin-1").lower(), value.decode("latin-1")
        if name == "set-cookie":
            cookies.append(value)
        else:  # one value per name in 2.0: repeats are joined with commas
            headers[name] = f"{headers[name]},{value}" if name in headers else value
    is_text = headers.get("content-type", "").startswith(TEXT_TYPES)
    response: dict[str, Any] = {
        "statusCode": status,
        "headers": headers,
        "body": body.decode() if is_text else base64.b64encode(body).decode(),
        "isBase64Encoded": not is_text,
    }
    if cookies:
        response["cookies"] = cookies
    return response


def handle(app: Any, event: dict[str, Any]) -> dict[str, Any]:
    """One invocation: event in, response out, through the ASGI app."""
    status, headers, body = asyncio.run(call_asgi(app, asgi_scope(event), request_body(event)))
    return lambda_response(status, headers, body)
# --8<-- [end:response]
