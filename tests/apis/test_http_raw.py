"""Mirrors snippets/apis/http_raw.py: raw bytes to a real server; HEAD, 404, 405, 400."""

from __future__ import annotations

from snippets.apis.http_message import parse_response
from snippets.apis.http_raw import send_raw
from snippets.apis.http_server import serve_library


def ask(request: bytes) -> tuple[int, dict[str, str], bytes, bytes]:
    with serve_library() as (host, port):
        raw = send_raw(host, port, request)
    status, headers, body = parse_response(raw)
    return status, headers, body, raw


def test_get_and_head_send_the_same_fields_but_head_has_no_body() -> None:
    get = ask(b"GET /books/1 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
    head = ask(b"HEAD /books/1 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
    assert get[0] == head[0] == 200
    assert int(get[1]["content-length"]) == len(get[2]) > 0
    assert head[1]["content-length"] == get[1]["content-length"]
    assert head[1]["etag"] == get[1]["etag"]
    assert head[3].endswith(b"\r\n\r\n")  # nothing after the empty line


def test_404_405_with_allow_and_400_without_host() -> None:
    assert ask(b"GET /books/99 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")[0] == 404
    status, headers, _, _ = ask(b"DELETE /books HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
    assert status == 405 and headers["allow"] == "GET, HEAD, POST"
    assert ask(b"GET /books/1 HTTP/1.1\r\nConnection: close\r\n\r\n")[0] == 400
    # HTTP/1.0 did not require Host
    assert ask(b"GET /books/1 HTTP/1.0\r\n\r\n")[0] == 200
