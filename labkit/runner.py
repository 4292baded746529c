"""Run a snippet the way a reader would, in a sandbox, and explain any failure.

Each run gets a fresh temporary working directory (also its `HOME` and `TMPDIR`), a
clean environment with time zone, hash seed and locale pinned, a time limit, a memory
cap, no network beyond loopback and no writes outside that directory (see
`labkit/sandbox/sitecustomize.py`). A process the snippet leaves running is killed,
and the run fails. Paths of the temporary folder and the repository are replaced in
the output by `<tmp>` and `<repo>`, so the output does not depend on where it ran.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from labkit import paths
from labkit.catalog import DEFAULT_MEMORY_MB, Snippet
from labkit.db import ENGINES
from labkit.errors import LabError
from labkit.measure import MARKER_ENV

SANDBOX = Path(__file__).resolve().parent / "sandbox"
PASSED_THROUGH = ("PATH", "CI", *tuple(e.url_env for e in ENGINES.values()))
OUT_OF_MEMORY = ("MemoryError", "Cannot allocate memory", "can't start new thread")
"""What the last line of a traceback says when the snippet hit its memory cap."""
SANDBOX_FIXES = {
    "network access": "talk only to 127.0.0.1 / ::1: start the server in the snippet, "
                      "or show a recorded exchange instead of a live one",
    "writing to": "write under tempfile.gettempdir() or the working directory (a fresh "
                  "temporary folder each run), never into the repository or elsewhere",
}
"""Causes the sandbox reports (`PermissionError: labkit sandbox: <cause> …`) -> the fix."""
FRAME = re.compile(r'File "(?P<file>[^"]+)", line (?P<line>\d+)')


@dataclass(frozen=True)
class RunResult:
    """What one run of a snippet printed."""

    snippet: Snippet
    engine: str
    stdout: str
    stderr: str


def sandbox_env(workdir: Path, engine: str, timeout: float,
                memory_mb: int = DEFAULT_MEMORY_MB) -> dict[str, str]:
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
        LAB_WORKDIR=str(workdir), LAB_MEMORY_MB=str(memory_mb),
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
    """How a sandboxed process ended.

    Attributes:
        leftovers: Processes it started that were still running after it exited
            (`pid command` each); the runner has killed them.
    """

    returncode: int
    stdout: str
    stderr: str
    hung: bool
    leftovers: tuple[str, ...] = ()


def spawn(args: list[str], timeout: float, engine: str = "sqlite",
          memory_mb: int = DEFAULT_MEMORY_MB) -> Finished:
    """Run `python <args>` in the sandbox; kill it and everything it started at `timeout`.

    The process gets a session of its own, so whatever it starts can be found (and
    killed) afterwards; its output goes to unnamed temporary files, so a child that
    keeps them open cannot make the run hang.
    """
    with (tempfile.TemporaryDirectory(prefix="lab-run-") as folder,
          tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err):
        workdir = Path(folder)
        process = subprocess.Popen(
            [sys.executable, *args],
            cwd=workdir, env=sandbox_env(workdir, engine, timeout, memory_mb),
            stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True,
        )
        leftovers: tuple[str, ...] = ()
        try:
            process.wait(timeout=timeout)
            hung = False
            leftovers = _survivors(process.pid)
        except subprocess.TimeoutExpired:
            hung = True
        finally:
            _kill_group(process)
            process.wait()
        return Finished(
            process.returncode, _read(out, workdir), _read(err, workdir), hung, leftovers,
        )


def _read(stream: IO[bytes], workdir: Path) -> str:
    stream.seek(0)
    return normalize(stream.read().decode("utf-8", "replace"), workdir)


def _survivors(session: int, grace: float = 1.0) -> tuple[str, ...]:
    """Processes still running in `session` (not zombies), after a moment to finish."""
    deadline = time.monotonic() + grace
    while True:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                name, _, rest = stat.read_text().rpartition(")")
                fields = rest.split()
                if fields[0] != "Z" and session in (int(fields[2]), int(fields[3])):
                    command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ")
                    text = command.decode(errors="replace").strip() or name.partition("(")[2]
                    found.append(f"{stat.parent.name} {text}")
        if not found or time.monotonic() > deadline:
            return tuple(found)
        time.sleep(0.05)


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
        LabError: if the snippet raises (located at the failing line of the snippet; a
            write outside its folder, a network access beyond loopback or a memory cap
            exceeded come with their own fix), does not finish within its time limit
            (located where it was stuck), leaves a process running, or prints nothing.
    """
    done = spawn(["-m", snippet.module], snippet.timeout, engine, snippet.memory_mb)
    if done.hung:
        raise hang_error(snippet.name, snippet.path, snippet.timeout, done.stderr)
    if done.returncode != 0:
        raise failure(snippet, engine, done)
    if done.leftovers:
        raise LabError(
            snippet.path, 0,
            f"{snippet.name} left {len(done.leftovers)} process(es) running after it "
            f"finished on {engine}: {'; '.join(done.leftovers)}",
            "stop what the snippet starts before main() returns: terminate() and wait() "
            "a subprocess, shut a server down (use `with`, or try/finally)",
        )
    if not done.stdout.strip():
        raise LabError(
            snippet.path, 0, f"{snippet.name} printed nothing on {engine}",
            'a snippet prints what its page shows; is `if __name__ == "__main__": main()` '
            "missing at the end of the module?",
        )
    return RunResult(snippet, engine, done.stdout, done.stderr)


def failure(snippet: Snippet, engine: str, done: Finished) -> LabError:
    """The error for a snippet that exited with an error, with the fix for its cause."""
    path, line = innermost_frame(done.stderr, snippet.path, newest_first=False)
    err = done.stderr.strip()
    last = err.splitlines()[-1] if err else f"exit code {done.returncode}"
    fix = f"run `LAB_ENGINE={engine} python -m {snippet.module}` to see the whole traceback"
    if any(sign in last for sign in OUT_OF_MEMORY):
        last = f"{last} (it exceeded the sandbox memory cap of {snippet.memory_mb} MB)"
        fix = ("use less memory (stream or chunk the data, make it smaller) or, if it really "
               "needs more, set MEMORY_MB = <megabytes> at the top of the module")
    else:
        for cause, advice in SANDBOX_FIXES.items():
            if f"labkit sandbox: {cause}" in last:
                fix = advice
    return LabError(path, line, f"{snippet.name} failed on {engine}: {last}", fix,
                    detail=_tail(done.stderr))


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
