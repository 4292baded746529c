"""The same book API in Flask, Django and FastAPI, each on 127.0.0.1, called by one client."""

from __future__ import annotations

from labkit.serve import serve_in_thread, serve_wsgi_in_thread
from snippets.languages.server_apps import django_app, fastapi_app, flask_app
from snippets.languages.server_apps.client import describe, fetch
from snippets.languages.server_apps.wsgi import app as plain_wsgi_app

DEPENDS = ("server_apps/",)


def main() -> None:
    """GET /books/1 from each app; print the headers each adds and the body bytes it sent."""
    # --8<-- [start:call]
    servers = {
        "plain WSGI (wsgiref)": serve_wsgi_in_thread(plain_wsgi_app),
        "Flask (wsgiref)": serve_wsgi_in_thread(flask_app.create_app()),
        "Django (wsgiref)": serve_wsgi_in_thread(django_app.application),
        "FastAPI (uvicorn)": serve_in_thread(fastapi_app.create_app()),
    }
    documents = []
    for name, server in servers.items():
        with server as base_url:
            response = fetch(base_url, "/books/1")  # the same client function for all
        print(f"=== {name}")
        print(describe(response, raw_body=True))
        documents.append(response.json())
    same = all(document == documents[0] for document in documents)
    print(f"the same JSON document from all {len(documents)}: {same}")
    # --8<-- [end:call]


if __name__ == "__main__":
    main()
