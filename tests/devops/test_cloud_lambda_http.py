"""Mirrors snippets/devops/cloud_lambda_http.py: 2.0 events in, documented responses out."""

from __future__ import annotations

import base64
import json

from snippets.devops.cloud_kit.lambda_http import asgi_scope, lambda_response, request_body
from snippets.devops.cloud_kit.runtime import (
    FUNCTION,
    ExecutionEnvironment,
    http_event,
    load_event,
)

DOCUMENTED_EVENT_FIELDS = {"version", "routeKey", "rawPath", "rawQueryString", "headers",
                           "requestContext", "body", "isBase64Encoded"}


def test_sample_event_has_the_documented_fields() -> None:
    event = load_event("http_api_post_book.json")
    assert set(event) >= DOCUMENTED_EVENT_FIELDS and event["version"] == "2.0"
    assert {"method", "path", "protocol", "sourceIp", "userAgent"} <= set(
        event["requestContext"]["http"])
    assert event["headers"]["content-length"] == str(len(event["body"].encode()))
    assert all(name == name.lower() for name in event["headers"])


def test_response_shape_and_routing() -> None:
    env = ExecutionEnvironment(FUNCTION, "test-env")
    created = env.invoke(load_event("http_api_post_book.json"))
    assert set(created) == {"statusCode", "headers", "body", "isBase64Encoded"}
    assert created["statusCode"] == 201 and created["headers"]["location"] == "/books/1"
    assert json.loads(created["body"])["title"] == "Dune"
    assert env.invoke(http_event("GET", "/books/99"))["statusCode"] == 404
    listed = env.invoke(http_event("GET", "/books"))
    assert [b["id"] for b in json.loads(listed["body"])] == [1]


def test_scope_and_body_translation() -> None:
    event = http_event("GET", "/books/a%20b", query="x=1&x=2")
    scope = asgi_scope(event)
    assert scope["path"] == "/books/a b" and scope["raw_path"] == b"/books/a%20b"
    assert scope["query_string"] == b"x=1&x=2"
    assert (b"cookie", b"session=7f3b2c") in scope["headers"]
    encoded = {"body": base64.b64encode(b"\x00\x01").decode(), "isBase64Encoded": True}
    assert request_body(encoded) == b"\x00\x01"
    assert request_body({"body": None}) == b""


def test_binary_bodies_and_cookies_in_responses() -> None:
    response = lambda_response(200, [(b"content-type", b"image/png"), (b"set-cookie", b"a=1"),
                                     (b"set-cookie", b"b=2"), (b"vary", b"Accept"),
                                     (b"vary", b"Origin")], b"\x89PNG")
    assert response["isBase64Encoded"] and base64.b64decode(response["body"]) == b"\x89PNG"
    assert response["cookies"] == ["a=1", "b=2"]
    assert response["headers"]["vary"] == "Accept,Origin"
