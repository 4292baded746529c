"""Replay the runtime stage of a Dockerfile outside Docker, as far as that is possible.

What is replayed: the files its COPY instructions put in the image (taken from the build
context, so .dockerignore applies), its WORKDIR, its ENV, and its CMD and HEALTHCHECK argv.
What is not: the base image's file system (we use this machine's Python 3.11.7 and the
project's virtual environment in place of `/opt/venv`), the non-root user (USER needs a
user namespace or root), the container's own network namespace (so the server listens on
127.0.0.1 and a free port instead of 0.0.0.0:8000), and the engine's cgroup limits.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from labkit.serve import free_port, stop, wait_for_port
from snippets.devops.container_kit import context, dockerfile
from snippets.devops.container_kit.dockerfile import REPO, Stage

IMAGE_VENV = "/opt/venv"
LOCAL_VENV = str(Path(sys.executable).parent.parent)


@dataclass
class Runtime:
    """The final stage turned into what a process needs: files, folder, environment, argv."""

    stage: Stage
    root: Path
    workdir: Path
    env: dict[str, str]
    cmd: list[str]
    health: list[str]
    exposed: str


def command(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """Run `argv` (no shell), its program looked up on `env`'s PATH; capture its output."""
    environment = dict(os.environ) if env is None else env
    program = shutil.which(argv[0], path=environment.get("PATH")) or argv[0]
    return subprocess.run([program, *argv[1:]], cwd=cwd, env=environment, timeout=timeout,
                          capture_output=True, text=True, check=False)


def _local(value: str) -> str:
    return value.replace(IMAGE_VENV, LOCAL_VENV)


def lay_out(root: Path, dockerfile_path: Path = REPO / "Dockerfile") -> Runtime:
    """Copy the final stage's files under `root` and collect its ENV, CMD and HEALTHCHECK."""
    stage = dockerfile.read(dockerfile_path)[-1]
    patterns = context.read(REPO)
    in_context = [path for path, _ in context.files(REPO, patterns)]
    workdir = PurePosixPath("/")
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin"}
    for instruction in stage.body:
        if instruction.keyword == "WORKDIR":
            workdir = workdir / instruction.text
        elif instruction.keyword == "ENV":
            for pair in instruction.args():
                name, _, value = pair.partition("=")
                value = value.strip('"').replace("$PATH", env["PATH"])
                env[name] = _local(value)
        elif instruction.keyword == "COPY" and "from" not in instruction.flags():
            *sources, dest = instruction.args()
            target = root / (workdir / dest).relative_to("/")
            for source in sources:
                for path in in_context:
                    if path == source or path.startswith(source.rstrip("/") + "/"):
                        rest = path[len(source):].lstrip("/") if source.endswith("/") else (
                            PurePosixPath(path).name)
                        out = target / rest
                        out.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(REPO / path, out)
    cmd = stage.find("CMD")[-1].exec_form() or []
    health = stage.find("HEALTHCHECK")[-1].exec_form() or []
    exposed = stage.find("EXPOSE")[-1].text.split("/")[0]
    return Runtime(stage, root, root / workdir.relative_to("/"), env, cmd, health, exposed)


def local_argv(argv: list[str], port: int) -> list[str]:
    """The image's argv with its listen address and port swapped for 127.0.0.1:`port`."""
    out = list(argv)
    for flag, value in (("--host", "127.0.0.1"), ("--port", str(port))):
        if flag in out:
            out[out.index(flag) + 1] = value
    return out


@dataclass
class Server:
    """A started CMD: its main process, the port it serves on, and its log so far."""

    process: subprocess.Popen[bytes]
    port: int
    stderr: IO[bytes]

    def log(self) -> str:
        """What the server wrote to stderr so far (a file, so a lingering child cannot block)."""
        self.stderr.seek(0)
        return self.stderr.read().decode()


@contextmanager
def running(runtime: Runtime, argv: list[str] | None = None,
            via_shell: bool = False) -> Iterator[Server]:
    """Start the stage's CMD (or `argv`) in its WORKDIR with its ENV, on 127.0.0.1."""
    port = free_port()
    argv = local_argv(argv or runtime.cmd, port)
    if via_shell:  # what Docker does with a shell-form CMD: hand the string to /bin/sh -c
        argv = ["/bin/sh", "-c", " ".join(argv)]
    else:
        argv[0] = shutil.which(argv[0], path=runtime.env["PATH"]) or argv[0]
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(argv, cwd=runtime.workdir, env=runtime.env,
                                   stdout=subprocess.DEVNULL, stderr=stderr,
                                   start_new_session=True)
        try:
            wait_for_port(port)
            yield Server(process, port, stderr)
        finally:
            stop(process)
            stop_group(process.pid)  # anything a shell left behind, in its process group


def stop_group(group: int, timeout: float = 10.0) -> None:
    """SIGTERM every process left in the process group `group`, and wait until none is left."""
    deadline = time.monotonic() + timeout
    sig = signal.SIGTERM
    while True:
        try:
            os.killpg(group, sig)
        except ProcessLookupError:
            return
        if time.monotonic() > deadline:
            sig = signal.SIGKILL
        time.sleep(0.05)
        sig = 0 if sig == signal.SIGTERM else sig


def run_healthcheck(runtime: Runtime, port: int) -> int:
    """Run the HEALTHCHECK argv against `port`; return its exit code (0 healthy, 1 not)."""
    env = {**runtime.env, "PORT": str(port)}
    return command(runtime.health, cwd=runtime.workdir, env=env).returncode
