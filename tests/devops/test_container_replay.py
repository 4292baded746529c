"""Mirrors snippets/devops/container_replay.py: the runtime stage works, built or replayed.

The image itself is built only where a container engine answers; on this project's machines
and in its CI there is a `docker` client but no daemon, so that test skips and says why.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from snippets.devops.container_kit import replay
from snippets.devops.container_kit.dockerfile import REPO
from snippets.devops.container_replay import engine


def test_the_image_builds_and_turns_healthy() -> None:
    """`docker build` the image and wait for its HEALTHCHECK; needs a container engine."""
    if shutil.which("docker") is None:
        pytest.skip("no container engine: no docker client on PATH (CI has none either)")
    info = subprocess.run(["docker", "info"], capture_output=True, text=True, check=False)
    if info.returncode != 0:
        reason = (info.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"no container engine: docker info failed ({reason}); this project's CI "
                    "has no engine either, so the image is never built there; "
                    "test_the_runtime_stage_replayed checks its contents instead")
    tag = "backend-skills-lab/library-api:test"
    subprocess.run(["docker", "build", "--target", "runtime", "-t", tag, str(REPO)],
                   check=True, timeout=900)
    config = subprocess.run(["docker", "image", "inspect", "--format",
                             "{{.Config.User}} {{json .Config.Cmd}}", tag],
                            capture_output=True, text=True, check=True).stdout
    assert config.startswith("10001:10001 [\"python\"")


def test_engine_reports_why() -> None:
    assert engine() == "available" or engine().startswith("docker info failed")


@pytest.fixture()
def runtime(tmp_path: Path) -> replay.Runtime:
    return replay.lay_out(tmp_path)


def test_the_runtime_stage_copies_only_the_service(runtime: replay.Runtime) -> None:
    files = {p.relative_to(runtime.workdir).as_posix()
             for p in runtime.workdir.rglob("*") if p.is_file()}
    assert "snippets/devops/container_app/app.py" in files
    assert "snippets/apis/rest_app/api.py" in files
    assert not any(f.startswith(("snippets/devops/container_kit", "tests", "labkit"))
                   for f in files)
    assert runtime.env["PYTHONDONTWRITEBYTECODE"] == "1"
    assert runtime.env["PYTHONUNBUFFERED"] == "1"
    assert runtime.cmd[:3] == ["python", "-m", "uvicorn"]


def test_the_runtime_stage_replayed(runtime: replay.Runtime) -> None:
    """The CMD imports from the copied files only, serves the API, and passes HEALTHCHECK."""
    with replay.running(runtime) as server:
        where = subprocess.run(
            ["python", "-c", "import snippets, fastapi; print(snippets.__file__)"],
            cwd=runtime.workdir, env=runtime.env, capture_output=True, text=True,
            check=True).stdout.strip()
        assert Path(where).is_relative_to(runtime.workdir)
        assert replay.run_healthcheck(runtime, server.port) == 0
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}") as client:
            assert client.get("/readyz").json() == {"status": "ready"}
            assert client.get("/books").json() == []
        server.process.terminate()
        server.process.wait(timeout=15)
        assert "Application shutdown complete." in server.log()
        assert replay.run_healthcheck(runtime, server.port) == 1
    assert not list(runtime.root.rglob("__pycache__"))


def test_local_argv_swaps_only_host_and_port() -> None:
    argv = ["python", "-m", "uvicorn", "m:app", "--host", "0.0.0.0", "--port", "8000"]
    assert replay.local_argv(argv, 5555) == [
        "python", "-m", "uvicorn", "m:app", "--host", "127.0.0.1", "--port", "5555"]
