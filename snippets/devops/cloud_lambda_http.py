"""Invoke the library API as a Lambda handler with realistic API Gateway HTTP API events."""

from __future__ import annotations

import base64
import json

from snippets.devops.cloud_kit.runtime import (
    FUNCTION,
    ExecutionEnvironment,
    http_event,
    load_event,
)


def show(label: str, response: dict) -> None:
    """One response, its body parsed when it is JSON text."""
    body = response["body"]
    if not response["isBase64Encoded"] and body:
        body = json.loads(body)
    headers = {k: v for k, v in response["headers"].items() if k != "x-invocation"}
    print(f"{label}\n  statusCode={response['statusCode']} isBase64Encoded="
          f"{response['isBase64Encoded']}\n  headers={headers}\n  body={body}")


def main() -> None:
    """Send four events through one execution environment."""
    # --8<-- [start:invoke]
    env = ExecutionEnvironment(FUNCTION, "2026/03/04/[$LATEST]a1b2")
    event = load_event("http_api_post_book.json")
    print("event:", event["version"], event["routeKey"], event["requestContext"]["http"]["method"],
          event["rawPath"], "| body:", event["body"])
    response = env.invoke(event)
    print("what API Gateway gets back:", json.dumps(response, indent=2))
    show("GET /books", env.invoke(http_event("GET", "/books")))
    show("GET /books/99", env.invoke(http_event("GET", "/books/99")))
    encoded = http_event("POST", "/books", json.dumps(
        {"title": "Kindred", "author": "Octavia E. Butler", "year": 1979,
         "isbn": "9780807083697"}))
    encoded["body"] = base64.b64encode(encoded["body"].encode()).decode()
    encoded["isBase64Encoded"] = True
    show("POST /books (body base64-encoded by the gateway)", env.invoke(encoded))
    # --8<-- [end:invoke]


if __name__ == "__main__":
    main()
