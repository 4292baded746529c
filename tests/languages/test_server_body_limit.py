"""Mirrors snippets/languages/server_body_limit.py: refuse an oversized body before reading it."""

from __future__ import annotations

from snippets.languages.server_apps.raw import running
from snippets.languages.server_body_limit import HEAD, exchange, status_line


def test_without_a_limit_the_server_reads_everything() -> None:
    body = b"x" * 1_000_000
    head = HEAD.replace(b"8000000", str(len(body)).encode())
    with running(max_body=None) as (port, log):
        exchange(port, head + body)
    assert len(log.exchanges[0][0]) == len(head) + len(body)


def test_with_a_limit_the_head_alone_gets_413() -> None:
    with running(max_body=1024) as (port, log):
        reply = exchange(port, HEAD)
    assert status_line(reply) == "HTTP/1.1 413 Content Too Large"
    assert b"Connection: close" in reply
    assert len(log.exchanges[0][0]) == len(HEAD) - 4  # the head only, without its empty line


def test_a_body_under_the_limit_is_accepted() -> None:
    head = HEAD.replace(b"8000000", b"3")
    with running(max_body=1024) as (port, _):
        assert status_line(exchange(port, head + b"abc")) == "HTTP/1.1 404 Not Found"
