"""Mirrors snippets/languages/server_raw_socket.py: a raw-socket HTTP/1.1 server."""

from __future__ import annotations

import socket

import httpx

from snippets.languages.server_apps.books import handle
from snippets.languages.server_apps.raw import parse_head, running


def exchange(port: int, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(data)
        reply = b""
        while chunk := conn.recv(65536):
            reply += chunk
    return reply


def test_two_requests_share_one_connection() -> None:
    with running() as (port, log), httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        assert client.get("/books/1").json()["title"] == "Kindred"
        assert client.get("/books/2").status_code == 404
    assert log.connections == 1 and len(log.exchanges) == 2


def test_content_length_counts_the_body_bytes() -> None:
    with running() as (port, log), httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        response = client.get("/books/1")
    assert int(response.headers["content-length"]) == len(response.content)
    assert log.exchanges[0][1].endswith(response.content)


def test_http_1_0_and_connection_close_end_the_connection() -> None:
    with running() as (port, _):
        for request in (b"GET /books/1 HTTP/1.0\r\n\r\n",
                        b"GET /books/1 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"):
            reply = exchange(port, request)  # returns only because the server closed
            assert reply.startswith(b"HTTP/1.1 200 OK\r\n")
            assert b"Connection: close\r\n" in reply


def test_bad_requests() -> None:
    with running() as (port, _):
        assert exchange(port, b"GET /books/1 HTTP/1.1\r\n\r\n").startswith(b"HTTP/1.1 400")
        assert exchange(port, b"NONSENSE\r\nHost: t\r\n\r\n").startswith(b"HTTP/1.1 400")
        assert exchange(port, b"GET / HTTP/1.1\r\nHost : t\r\n\r\n").startswith(b"HTTP/1.1 400")
        chunked = (b"POST /books/1 HTTP/1.1\r\nHost: t\r\n"
                   b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        assert exchange(port, chunked).startswith(b"HTTP/1.1 501")


def test_a_body_is_read_so_the_next_request_parses() -> None:
    two = (b"POST /books/1 HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello"
           b"GET /books/1 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
    with running() as (port, log):
        reply = exchange(port, two)
    assert reply.count(b"HTTP/1.1 ") == 2 and b"Kindred" in reply
    assert log.exchanges[0][0].endswith(b"\r\n\r\nhello")


def test_parse_head_lower_cases_names() -> None:
    assert parse_head(b"GET /x HTTP/1.1\r\nHOST: a\r\nX-Y:  b ") == (
        "GET", "/x", "HTTP/1.1", {"host": "a", "x-y": "b"})


def test_handle() -> None:
    assert handle("GET", "/books/1")[0] == 200
    assert handle("GET", "/books/1?x=1")[0] == 200
    for method, path in (("GET", "/books/2"), ("POST", "/books/1"), ("GET", "/books/\u00b2"),
                         ("GET", "/books/1/x"), ("GET", "/")):
        assert handle(method, path) == (404, {"error": "not found"})
