"""Mirrors snippets/apis/http_message.py: CRLF framing and Content-Length in bytes."""

from __future__ import annotations

from snippets.apis.http_message import build_request, parse_response


def test_request_is_crlf_framed_with_byte_length() -> None:
    body = "años".encode()
    raw = build_request("POST", "/books", {"Host": "x"}, body)
    head, sep, rest = raw.partition(b"\r\n\r\n")
    assert sep and rest == body
    assert head.split(b"\r\n")[0] == b"POST /books HTTP/1.1"
    assert b"Content-Length: 5" in head  # 4 characters, 5 bytes
    assert b"\n" not in head.replace(b"\r\n", b"")  # no bare LF


def test_get_without_body_has_no_content_length() -> None:
    raw = build_request("GET", "/books", {"Host": "x"})
    assert raw == b"GET /books HTTP/1.1\r\nHost: x\r\n\r\n"


def test_parser_stops_at_content_length() -> None:
    status, headers, body = parse_response(
        b"HTTP/1.1 201 Created\r\nCONTENT-LENGTH: 2\r\nLocation: /books/2\r\n\r\n{}extra")
    assert status == 201 and body == b"{}"
    assert headers["content-length"] == "2" and headers["location"] == "/books/2"
