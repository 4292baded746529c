"""Run a snippet the way a reader would, in a sandbox, and explain any failure.

Each run gets a fresh temporary working directory (also its `HOME` and `TMPDIR`), a
clean environment with time zone, hash seed and locale pinned, a time limit, and no
network beyond loopback (see `labkit/sandbox/sitecustomize.py`). Paths of the
temporary folder and the repository are replaced in the output by `<tmp>` and
`<repo>`, so the output does not depend on where it ran.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from labkit import paths
from labkit.catalog import Snippet
from labkit.db import ENGINES
from labkit.errors import LabError
from labkit.measure import MARKER_ENV

SANDBOX = Path(__file__).resolve().parent / "sandbox"
PASSED_THROUGH = ("PATH", "CI", *tuple(e.url_env for e in ENGINES.values()))
FRAME = re.compile(r'File "(?P<file>[^"]+)", line (?P<line>\d+)')


@dataclass(frozen=True)
class RunResult:
    """What one run of a snippet printed."""

    snippet: Snippet
    engine: str
    stdout: str
    stderr: str


def sandbox_env(workdir: Path, engine: str, timeout: float) -> dict[str, str]:
    """The whole environment a snippet runs with: nothing else leaks in."""
    env = {key: os.environ[key] for key in PASSED_THROUGH if key in os.environ}
    tmp = workdir / "tmp"
    tmp.mkdir(exist_ok=True)
    env.update(
        HOME=str(workdir), TMPDIR=str(tmp), TZ="UTC", LANG="C.UTF-8", LC_ALL="C.UTF-8",
        PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONUTF8="1",
        PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1", COLUMNS="100",
        PYTHONPATH=os.pathsep.join([str(SANDBOX), str(paths.ROOT)]),
        LAB_SANDBOX="1", LAB_TIMEOUT=str(timeout), LAB_ENGINE=engine, LAB_ROOT=str(paths.ROOT),
    )
    env[MARKER_ENV] = "1"
    return env


def normalize(text: str, workdir: Path) -> str:
    """Replace machine-specific paths with stable placeholders."""
    for path in {str(workdir.resolve()), str(workdir)}:
        text = text.replace(path, "<tmp>")
    return text.replace(str(paths.ROOT), "<repo>")


@dataclass(frozen=True)
class Finished:
    """How a sandboxed process ended."""

    returncode: int
    stdout: str
    stderr: str
    hung: bool


def spawn(args: list[str], timeout: float, engine: str = "sqlite") -> Finished:
    """Run `python <args>` in the sandbox; kill it and everything it started at `timeout`."""
    with tempfile.TemporaryDirectory(prefix="lab-run-") as folder:
        workdir = Path(folder)
        process = subprocess.Popen(
            [sys.executable, *args],
            cwd=workdir, env=sandbox_env(workdir, engine, timeout),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
            hung = False
        except subprocess.TimeoutExpired:
            _kill_group(process)
            stdout, stderr = process.communicate()
            hung = True
        finally:
            _kill_group(process)
        return Finished(
            process.returncode,
            normalize(stdout.decode("utf-8", "replace"), workdir),
            normalize(stderr.decode("utf-8", "replace"), workdir),
            hung,
        )


def hang_error(name: str, fallback: Path, timeout: float, stderr: str) -> LabError:
    """The error for a process stopped at its time limit, located where it was stuck."""
    path, line = innermost_frame(stderr, fallback, newest_first=True)
    return LabError(
        path, line, f"{name} did not finish within {timeout:g} s; it was here",
        "make it finish (an endless loop? a missing timeout? a server never shut down?) or, "
        "if it really needs longer, set TIMEOUT = <seconds> at the top of the module",
        detail=_tail(stderr),
    )


def run(snippet: Snippet, engine: str = "sqlite") -> RunResult:
    """Run `snippet` on `engine` in the sandbox and return its output.

    Raises:
        LabError: if the snippet raises (located at the failing line of the snippet),
            does not finish within its time limit (located where it was stuck), or
            prints nothing.
    """
    done = spawn(["-m", snippet.module], snippet.timeout, engine)
    if done.hung:
        raise hang_error(snippet.name, snippet.path, snippet.timeout, done.stderr)
    if done.returncode != 0:
        path, line = innermost_frame(done.stderr, snippet.path, newest_first=False)
        err = done.stderr.strip()
        last = err.splitlines()[-1] if err else f"exit code {done.returncode}"
        raise LabError(
            path, line, f"{snippet.name} failed on {engine}: {last}",
            f"run `LAB_ENGINE={engine} python -m {snippet.module}` to see the whole traceback",
            detail=_tail(done.stderr),
        )
    if not done.stdout.strip():
        raise LabError(
            snippet.path, 0, f"{snippet.name} printed nothing on {engine}",
            'a snippet prints what its page shows; is `if __name__ == "__main__": main()` '
            "missing at the end of the module?",
        )
    return RunResult(snippet, engine, done.stdout, done.stderr)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Stop the snippet and anything it started (servers, workers)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def innermost_frame(stderr: str, fallback: Path, newest_first: bool) -> tuple[Path, int]:
    """The deepest frame inside `snippets/` named in a traceback or a faulthandler dump."""
    frames = [
        (Path(m["file"].replace("<repo>", str(paths.ROOT))), int(m["line"]))
        for m in FRAME.finditer(stderr)
    ]
    ours = [f for f in frames if "snippets" in f[0].parts]
    if not ours:
        return fallback, 0
    return ours[0] if newest_first else ours[-1]


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])
