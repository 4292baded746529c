"""Start the programs of this folder on 127.0.0.1 and talk to them (for the `lang_` snippets)."""

from __future__ import annotations

import http.client
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from labkit.serve import stop

HERE = Path(__file__).parent


# --8<-- [start:programs]
@dataclass(frozen=True)
class Program:
    """One implementation of the books endpoint, and the command that starts it."""

    language: str
    stack: str
    command: tuple[str, ...]  # run in lang_programs/; the port is added at the end

    @property
    def tool(self) -> str:
        """The executable the program needs on PATH."""
        return self.command[0]


PYTHON = Program("Python", "FastAPI + uvicorn", (sys.executable, "server.py"))
NODE = Program("Node.js", "node:http", ("node", "server.js"))
JAVA = Program("Java", "JDK HttpServer", (
    "java", "-Xmx256m", "-Dsun.net.httpserver.nodelay=true", "Server.java"))  # [mark:java]
RUBY = Program("Ruby", "Rails 6.1 + WEBrick", ("ruby", "server.rb"))
PROGRAMS = (PYTHON, NODE, JAVA, RUBY)
# --8<-- [end:programs]


def missing_tools(programs: tuple[Program, ...] = PROGRAMS) -> list[str]:
    """The toolchains `programs` need that are not installed here."""
    return [p.tool for p in programs if shutil.which(p.tool) is None]


@dataclass(frozen=True)
class Reply:
    """What the client saw: status, content type, the other header names, and the body."""

    status: int
    content_type: str
    headers: tuple[str, ...]
    body: bytes


# --8<-- [start:client]
def get(conn: http.client.HTTPConnection, path: str) -> Reply:
    """Send `GET path` on a kept-alive connection and read the whole reply."""
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    usual = {"date", "content-type", "content-length"}
    others = sorted({name.lower() for name in response.headers} - usual)
    return Reply(response.status, response.getheader("Content-Type", ""), tuple(others), body)
# --8<-- [end:client]


@dataclass
class Running:
    """A started program: its process, its port, and the seconds it took to first answer."""

    process: subprocess.Popen[bytes]
    port: int
    startup_s: float

    def connect(self) -> http.client.HTTPConnection:
        """A new HTTP/1.1 connection to the program (kept alive between requests)."""
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)

    def peak_rss_mb(self) -> float:
        """The most physical memory the process has held so far (VmHWM), in megabytes."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024  # the kernel counts in kB


def _answers(port: int) -> bool:
    """Does something on `port` answer `GET /books/1` with 200?"""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        return get(conn, "/books/1").status == 200
    except OSError:
        return False  # not listening yet
    finally:
        conn.close()


# --8<-- [start:start]
@contextmanager
def running(program: Program, port: int, wait_s: float = 60.0) -> Iterator[Running]:
    """Start `program` on `port`, time it until it answers `GET /books/1`; stop it after."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen([*program.command, str(port)], cwd=HERE,
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        try:
            while not _answers(port):  # poll every 10 ms until the first good answer
                if process.poll() is not None or time.perf_counter() - started > wait_s:
                    log.seek(0)
                    output = log.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"{program.language} never answered:\n{output}")
                time.sleep(0.01)
            yield Running(process, port, time.perf_counter() - started)  # [mark:startup]
        finally:
            stop(process)  # SIGTERM, then SIGKILL if it has not exited within 10 s
# --8<-- [end:start]


# --8<-- [start:burst]
def requests_per_second(server: Running, count: int) -> float:
    """Send `count` requests one after another on one connection; return the rate."""
    conn = server.connect()
    try:
        started = time.perf_counter()
        for n in range(count):
            reply = get(conn, f"/books/{n % 3 + 1}")
            if reply.status != 200:
                raise RuntimeError(f"request {n} got {reply}")
        return count / (time.perf_counter() - started)
    finally:
        conn.close()
# --8<-- [end:burst]
