"""Mirrors snippets/languages/server_frameworks.py: three frameworks, the same JSON."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread, serve_wsgi_in_thread
from snippets.languages.server_apps import django_app, fastapi_app, flask_app
from snippets.languages.server_apps.client import fetch
from snippets.languages.server_apps.wsgi import app as plain_wsgi_app


def responses() -> dict[str, httpx.Response]:
    found = {}
    for name, server in {"plain": serve_wsgi_in_thread(plain_wsgi_app),
                         "flask": serve_wsgi_in_thread(flask_app.create_app()),
                         "django": serve_wsgi_in_thread(django_app.application),
                         "fastapi": serve_in_thread(fastapi_app.create_app())}.items():
        with server as base_url:
            found[name] = fetch(base_url, "/books/1")
    return found


def test_same_document_different_bytes() -> None:
    got = responses()
    documents = [r.json() for r in got.values()]
    assert all(d == documents[0] for d in documents)
    assert got["flask"].content.endswith(b"\n")  # Flask sorts keys and adds a newline
    assert list(got["flask"].json()) == sorted(documents[0])
    assert all(r.headers["content-type"] == "application/json" for r in got.values())


def test_django_middleware_adds_security_headers() -> None:
    headers = responses()["django"].headers
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"


def test_unknown_book_is_json_404_everywhere() -> None:
    for server in (serve_wsgi_in_thread(flask_app.create_app()),
                   serve_wsgi_in_thread(django_app.application),
                   serve_in_thread(fastapi_app.create_app())):
        with server as base_url:
            response = fetch(base_url, "/books/2")
        assert response.status_code == 404 and response.json() == {"error": "not found"}
