"""Serve an app on 127.0.0.1 for a snippet or a test: in a thread, or as a real process.

```python
with serve_in_thread(app) as base_url:            # ASGI app, uvicorn in this process
    httpx.get(f"{base_url}/books")
with serve_wsgi_in_thread(flask_app) as base_url: # WSGI app, the standard library's server
    httpx.get(f"{base_url}/login")
with serve_process("snippets.apis.rest_crud:app") as base_url:   # `python -m uvicorn ...`
    httpx.get(f"{base_url}/books")
```

Both pick a free port, wait until the server answers, and stop it afterwards.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    """Block until something accepts connections on 127.0.0.1:`port`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline:
                message = f"nothing answered on 127.0.0.1:{port} within {timeout} s"
                raise TimeoutError(message) from None
            time.sleep(0.05)


def stop(process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """Ask `process` to stop (SIGTERM), wait up to `timeout` seconds, then kill it."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def serve_in_thread(app: Any, **uvicorn_options: Any) -> Iterator[str]:
    """Run `app` with uvicorn in a background thread; yield its base URL."""
    import uvicorn

    port = free_port()
    options = {"log_level": "warning", **uvicorn_options}
    config = uvicorn.Config(app, host="127.0.0.1", port=port, **options)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def serve_wsgi_in_thread(app: Any) -> Iterator[str]:
    """Run the WSGI `app` (Flask, Django, plain WSGI) in a background thread; yield its URL.

    The server is the standard library's `wsgiref`, one thread per request, with its
    per-request log lines silenced.
    """
    from socketserver import ThreadingMixIn
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    class _Server(ThreadingMixIn, WSGIServer):
        daemon_threads = True

    class _QuietHandler(WSGIRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = make_server("127.0.0.1", 0, app, server_class=_Server, handler_class=_QuietHandler)
    with running(server):
        yield f"http://127.0.0.1:{server.server_port}"


@contextmanager
def running(server: Any) -> Iterator[Any]:
    """Run a `socketserver` server in a thread for the block; shut it down and close it after."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextmanager
def serve_process(app_path: str, *options: str) -> Iterator[str]:
    """Run `python -m uvicorn <app_path>` as a separate process; yield its base URL.

    Its log goes to a temporary file, not a pipe: a pipe nobody reads fills up after a few
    dozen tracebacks and then blocks the server.
    """
    import tempfile

    port = free_port()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", app_path, "--host", "127.0.0.1", "--port",
             str(port), "--log-level", "warning", *options],
            env={**os.environ}, stdout=subprocess.DEVNULL, stderr=log,
        )
        try:
            try:
                wait_for_port(port)
            except TimeoutError:
                log.seek(0)
                raise TimeoutError(f"uvicorn {app_path} did not start:\n"
                                   f"{log.read().decode(errors='replace')[-2000:]}") from None
            yield f"http://127.0.0.1:{port}"
        finally:
            stop(process)
