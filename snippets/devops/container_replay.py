"""Run what the image would run, without an engine: the runtime stage replayed on this machine.

Every file the runtime stage COPYs is copied (through .dockerignore) into a temporary
folder; its CMD runs there with its ENV, so the code must import from those files alone.
Then the image's HEALTHCHECK command probes it, and the API answers a real request.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

from snippets.devops.container_kit import replay

DEPENDS = ("container_kit/", "container_app/", "../../Dockerfile", "../../.dockerignore")


def engine() -> str:
    """'available', or why there is no container engine to build the image with."""
    try:
        result = replay.command(["docker", "info", "--format", "{{.ServerVersion}}"])
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"docker info failed: {type(error).__name__}"
    return "available" if result.returncode == 0 else "docker info failed: no daemon"


def main() -> None:
    """Lay the runtime stage out, start its CMD, probe it, and stop it with SIGTERM."""
    print(f"container engine: {engine()}, so the image is not built here")
    with tempfile.TemporaryDirectory() as folder:
        # --8<-- [start:layout]
        runtime = replay.lay_out(Path(folder))
        files = sorted(p.relative_to(runtime.root).as_posix()
                       for p in runtime.root.rglob("*") if p.is_file())
        print(f"files the runtime stage copies: {len(files)}")
        for name in files:
            print(f"  /{name}")
        print(f"ENV: {', '.join(k for k in runtime.env if k != 'PATH')} (+ PATH)")
        print(f"CMD: {runtime.cmd}")
        # --8<-- [end:layout]

        # --8<-- [start:serve]
        with replay.running(runtime) as server:
            where = replay.command(
                ["python", "-c", "import snippets.devops.container_app.app as m; "
                 "print(m.__file__)"], cwd=runtime.workdir, env=runtime.env).stdout.strip()
            print(f"\napp imported from: /{Path(where).relative_to(runtime.root).as_posix()}")
            print(f"HEALTHCHECK {runtime.health} exit code: "
                  f"{replay.run_healthcheck(runtime, server.port)}")
            with httpx.Client(base_url=f"http://127.0.0.1:{server.port}") as client:
                for path in ("/healthz", "/readyz"):
                    response = client.get(path)
                    print(f"GET {path} → {response.status_code} {response.json()}")
                book = {"title": "Dune", "author": "Frank Herbert", "year": 1965,
                        "isbn": "9780441172719"}
                created = client.post("/books", json=book)
                print(f"POST /books → {created.status_code} {created.json()}")
            server.process.terminate()  # what `docker stop` sends first: SIGTERM
            code = server.process.wait(timeout=15)
            print(f"\nafter SIGTERM the server exited with code {code}; its last log lines:")
            for line in server.log().splitlines()[-4:]:
                print("  " + re.sub(r"\[\d+\]", "[<pid>]", line))
            gone = replay.run_healthcheck(runtime, server.port)
            print(f"HEALTHCHECK exit code once it is gone: {gone}")
        # --8<-- [end:serve]
        written = sorted(p.name for p in runtime.root.rglob("__pycache__"))
        print(f"__pycache__ folders written (PYTHONDONTWRITEBYTECODE=1): {len(written)}")
    print(f"python: {sys.version_info.major}.{sys.version_info.minor}.{sys.version_info.micro} "
          "(the image pins python:3.11.7-slim-bookworm)")


if __name__ == "__main__":
    main()
