"""The book handler as a WSGI application (PEP 3333), and gunicorn to serve it as a process."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from labkit.serve import free_port, wait_for_port
from snippets.languages.server_apps.books import handle

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
REASONS = {200: "OK", 404: "Not Found"}


# --8<-- [start:app]
def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    """A WSGI application: the server parsed the request into `environ`; we return bytes."""
    status, document = handle(environ["REQUEST_METHOD"], environ["PATH_INFO"])
    payload = json.dumps(document).encode()
    start_response(f"{status} {REASONS[status]}", [  # [mark:start]
        ("Content-Type", "application/json"),
        ("Content-Length", str(len(payload))),
    ])
    return [payload]  # an iterable of bytes: the server writes each item  [mark:iterable]
# --8<-- [end:app]


def _run_gunicorn(port: int) -> None:
    """Run gunicorn's master process here (in a child process) until it gets SIGTERM."""
    from gunicorn.app.base import BaseApplication

    class Gunicorn(BaseApplication):  # gunicorn's documented "custom application" API
        def load_config(self) -> None:
            settings = {"bind": f"127.0.0.1:{port}", "workers": 2, "loglevel": "warning",
                        "control_socket_disable": True,
                        "graceful_timeout": 1}  # on SIGTERM, kill workers still busy after 1 s
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self) -> Callable[..., Iterable[bytes]]:
            return app

    Gunicorn().run()


@contextmanager
def gunicorn_process() -> Iterator[str]:
    """Start gunicorn (a master and 2 worker processes) on a free port; yield its URL.

    The same as `gunicorn --bind 127.0.0.1:<port> --workers 2
    snippets.languages.server_apps.wsgi:app`, started through gunicorn's Python API.
    """
    port = free_port()
    process = multiprocessing.get_context("spawn").Process(target=_run_gunicorn, args=(port,))
    process.start()
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()  # SIGTERM: gunicorn stops its workers gracefully, then exits
        process.join(timeout=15)
        if process.is_alive():
            process.kill()
            process.join()

