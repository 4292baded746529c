"""Start uvicorn as a real child process on a free port, and always stop it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from labkit.serve import free_port, wait_for_port


@dataclass
class ServerProcess:
    """A uvicorn process and the URL it serves."""

    process: subprocess.Popen[bytes]
    base_url: str
    port: int


@contextmanager
def uvicorn_process(app_path: str, *options: str,
                    env: dict[str, str] | None = None) -> Iterator[ServerProcess]:
    """Run `python -m uvicorn <app_path> <options>` on 127.0.0.1; kill it on the way out.

    Unlike `labkit.serve.serve_process`, this hands the snippet the process itself, so it
    can send SIGTERM or SIGKILL while requests are in flight.
    """
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", app_path, "--host", "127.0.0.1",
               "--port", str(port), "--log-level", "warning", *options]
    process = subprocess.Popen(command, env={**os.environ, **(env or {})},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        yield ServerProcess(process, f"http://127.0.0.1:{port}", port)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
