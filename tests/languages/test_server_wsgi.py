"""Mirrors snippets/languages/server_wsgi.py: one WSGI app, no server, wsgiref and gunicorn."""

from __future__ import annotations

import json

import httpx

from labkit.serve import serve_wsgi_in_thread
from snippets.languages.server_apps.inproc import wsgi_environ
from snippets.languages.server_apps.wsgi import app, gunicorn_process
from snippets.languages.server_wsgi import call_by_hand


def test_the_app_is_a_plain_callable() -> None:
    calls: list[tuple[str, list[tuple[str, str]]]] = []
    body = b"".join(app(wsgi_environ("/books/1"),
                        lambda status, headers, exc_info=None: calls.append((status, headers))))
    assert calls[0][0] == "200 OK"
    assert dict(calls[0][1])["Content-Length"] == str(len(body))
    assert json.loads(body)["id"] == 1


def test_call_by_hand_prints_start_response_and_body(capsys) -> None:  # type: ignore[no-untyped-def]
    call_by_hand("/books/9")
    out = capsys.readouterr().out
    assert "start_response('404 Not Found'" in out and "not found" in out


def test_wsgiref_and_gunicorn_send_the_same_body() -> None:
    with serve_wsgi_in_thread(app) as base_url:
        by_wsgiref = httpx.get(f"{base_url}/books/1")
    with gunicorn_process() as base_url:
        by_gunicorn = httpx.get(f"{base_url}/books/1")
        assert httpx.get(f"{base_url}/nope").status_code == 404
    assert by_wsgiref.content == by_gunicorn.content
    assert by_wsgiref.headers["server"].startswith("WSGIServer/")
    assert by_gunicorn.headers["server"] == "gunicorn"
    assert by_gunicorn.headers["connection"] == "close"  # sync workers: no keep-alive


def test_gunicorn_is_really_gone_afterwards() -> None:
    with gunicorn_process() as base_url:
        pass
    try:
        httpx.get(base_url, timeout=1)
    except httpx.ConnectError:
        return
    raise AssertionError("gunicorn still answers after the block ended")
