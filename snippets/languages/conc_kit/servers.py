"""The two servers of the comparison: a blocking WSGI server with a fixed pool, and uvicorn."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from labkit.serve import serve_process


# --8<-- [start:pool]
class PooledWSGIServer(WSGIServer):
    """A blocking WSGI server that handles each connection in a fixed pool of threads.

    This is the shape of most blocking servers (gunicorn's sync workers are the same idea
    with processes): `workers` requests are served at once; the rest wait in the queue.
    """

    workers = 4

    def server_activate(self) -> None:
        """Listen, with a backlog large enough that waiting clients queue, not fail."""
        self.request_queue_size = 128
        super().server_activate()
        self.pool = ThreadPoolExecutor(self.workers)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Hand the connection to a free worker thread, or queue it until one is free."""
        self.pool.submit(self._handle, request, client_address)

    def _handle(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:  # report it the way socketserver does
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
# --8<-- [end:pool]


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log: the snippet prints what matters."""


@contextmanager
def blocking_server(app: Any, workers: int) -> Iterator[int]:
    """Serve the WSGI `app` on 127.0.0.1 with `workers` threads; yield the port."""
    server_class = type("Pooled", (PooledWSGIServer,), {"workers": workers})
    server = make_server("127.0.0.1", 0, app, server_class=server_class,
                         handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.pool.shutdown(wait=True)
        server.server_close()
        thread.join(timeout=10)


@contextmanager
def _uvicorn(app_path: str, *options: str) -> Iterator[int]:
    with serve_process(app_path, "--no-access-log", *options) as base_url:
        yield int(base_url.rsplit(":", 1)[1])


def uvicorn(app_path: str, *options: str) -> AbstractContextManager[int]:
    """uvicorn as a separate process: one process running one event loop; yield the port."""
    return _uvicorn(app_path, *options)
