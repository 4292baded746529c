"""The book handler as a WSGI app: called by hand, then served by wsgiref and by gunicorn."""

from __future__ import annotations

import io
import sys
from typing import Any

from labkit.serve import serve_wsgi_in_thread
from snippets.languages.server_apps.client import describe, fetch
from snippets.languages.server_apps.wsgi import app, gunicorn_process

DEPENDS = ("server_apps/",)


# --8<-- [start:by-hand]
def call_by_hand(path: str) -> None:
    """Be the server: build an environ, pass a start_response, join the body iterable."""
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "",  # [mark:cgi]
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0), "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr, "wsgi.multithread": False, "wsgi.multiprocess": False,
        "wsgi.run_once": True,
    }

    def start_response(status: str, headers: list[tuple[str, str]],
                       exc_info: Any = None) -> Any:
        print(f"start_response({status!r}, {headers!r})")
        return lambda data: None  # the old-style write() callable, unused

    body = b"".join(app(environ, start_response))  # [mark:join]
    print(f"body: {body!r}")
# --8<-- [end:by-hand]


def main() -> None:
    """The same app three ways: no server, the standard library's server, gunicorn."""
    print("=== by hand, no server, no socket")
    call_by_hand("/books/1")
    # --8<-- [start:servers]
    print("=== wsgiref (standard library), in a thread")
    with serve_wsgi_in_thread(app) as base_url:
        print(describe(fetch(base_url, "/books/1")))
        print(describe(fetch(base_url, "/shelves")))
    print("=== gunicorn, a master process and 2 worker processes")
    with gunicorn_process() as base_url:
        print(describe(fetch(base_url, "/books/1")))
        print(describe(fetch(base_url, "/shelves")))
    # --8<-- [end:servers]


if __name__ == "__main__":
    main()
