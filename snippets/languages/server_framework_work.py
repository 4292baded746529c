"""What the framework does for you: the same awkward requests sent to four apps."""

from __future__ import annotations

from contextlib import AbstractContextManager

import httpx

from labkit.serve import serve_in_thread, serve_wsgi_in_thread
from snippets.languages.server_apps import django_app, fastapi_app, flask_app
from snippets.languages.server_apps.client import body_text, fetch
from snippets.languages.server_apps.wsgi import app as plain_wsgi_app

DEPENDS = ("server_apps/",)

# --8<-- [start:requests]
REQUESTS: dict[str, tuple[str, str, dict[str, str]]] = {
    "GET /books/1": ("GET", "/books/1", {}),
    "GET /books/abc": ("GET", "/books/abc", {}),  # [mark:abc]
    "POST /books/1": ("POST", "/books/1", {}),
    "HEAD /books/1": ("HEAD", "/books/1", {}),
    "GET /nope, Accept: JSON": ("GET", "/nope", {"Accept": "application/json"}),
    "GET /books/1, Host: evil": ("GET", "/books/1", {"Host": "evil.example"}),  # [mark:host]
}
# --8<-- [end:requests]


def servers() -> dict[str, AbstractContextManager[str]]:
    """The four apps, each ready to be served on a free port of 127.0.0.1."""
    return {
        "plain WSGI": serve_wsgi_in_thread(plain_wsgi_app),
        "Flask": serve_wsgi_in_thread(flask_app.create_app()),
        "Django": serve_wsgi_in_thread(django_app.application),
        "FastAPI": serve_in_thread(fastapi_app.create_app()),
    }


def cell(response: httpx.Response) -> str:
    """A short summary: the status code and the kind of body (json, html, or none)."""
    kind = response.headers.get("content-type", "").split(";")[0].split("/")[-1]
    return f"{response.status_code} {kind if response.content else '(empty)'}"


def main() -> None:
    """Send every request to every app; print a table, then a few bodies and headers."""
    responses: dict[tuple[str, str], httpx.Response] = {}
    for name, server in servers().items():
        with server as base_url:
            for label, (method, path, headers) in REQUESTS.items():
                responses[name, label] = fetch(base_url, path, method, headers)
    names = list(servers())
    print((f"{'request':<26}" + "".join(f"{name:<14}" for name in names)).rstrip())
    for label in REQUESTS:
        cells = "".join(f"{cell(responses[name, label]):<14}" for name in names)
        print(f"{label:<26}{cells}".rstrip())
    # --8<-- [start:details]
    print("\nFastAPI, GET /books/abc:", body_text(responses["FastAPI", "GET /books/abc"], 200))
    print("Flask, GET /books/abc:", body_text(responses["Flask", "GET /books/abc"]))
    for name in ("Flask", "Django", "FastAPI"):
        print(f"{name}, POST /books/1: Allow: {responses[name, 'POST /books/1'].headers['allow']}")
    print("Django, Host: evil:", body_text(responses["Django", "GET /books/1, Host: evil"]))
    # --8<-- [end:details]


if __name__ == "__main__":
    main()
