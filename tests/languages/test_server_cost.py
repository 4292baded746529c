"""Mirrors snippets/languages/server_cost.py: counting Python calls per request."""

from __future__ import annotations

import asyncio

from snippets.languages.server_apps import asgi, django_app, fastapi_app, flask_app, wsgi
from snippets.languages.server_apps.inproc import call_wsgi, run_asgi
from snippets.languages.server_cost import count_calls


def helper() -> int:
    return 1


def test_count_calls_counts_python_functions() -> None:
    def three() -> bytes:
        helper()
        helper()
        return b""

    assert count_calls(three) == 3  # three() itself and helper() twice; len() etc. are C


def test_counts_repeat_and_frameworks_do_more() -> None:
    flask = flask_app.create_app()
    wsgi_counts = {}
    for name, app in {"plain": wsgi.app, "flask": flask, "django": django_app.application}.items():
        for _ in range(5):
            call_wsgi(app, "/books/1")
        counts = {count_calls(lambda a=app: call_wsgi(a, "/books/1")) for _ in range(3)}
        assert len(counts) == 1, f"{name}: the count should not change once warm: {counts}"
        wsgi_counts[name] = counts.pop()
    assert wsgi_counts["flask"] > 5 * wsgi_counts["plain"]
    assert wsgi_counts["django"] > 5 * wsgi_counts["plain"]


def test_fastapi_does_more_than_plain_asgi() -> None:
    loop = asyncio.new_event_loop()
    try:
        fastapi = fastapi_app.create_app()
        for app in (asgi.app, fastapi):
            for _ in range(5):
                assert b"Kindred" in run_asgi(app, "/books/1", loop)
        plain = count_calls(lambda: run_asgi(asgi.app, "/books/1", loop))
        framework = count_calls(lambda: run_asgi(fastapi, "/books/1", loop))
    finally:
        loop.close()
    assert framework > 2 * plain
