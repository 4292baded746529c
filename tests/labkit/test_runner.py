"""The sandbox: failures located at file:line, hangs stopped, network refused, paths pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

from labkit import catalog, runner
from labkit.errors import LabError


def write_snippet(project: Path, name: str, body: str) -> catalog.Snippet:
    chapter = project / "snippets" / "demo"
    chapter.mkdir(exist_ok=True)
    (chapter / "__init__.py").write_text('"""Demo."""\n')
    path = chapter / f"{name}.py"
    path.write_text(body)
    return catalog.Snippet(path)


def test_output_is_captured_and_paths_pinned(project: Path) -> None:
    snippet = write_snippet(project, "ok", (
        "import os, tempfile, time\n"
        "def main():\n"
        "    print('cwd', os.getcwd())\n"
        "    print('tmp', tempfile.gettempdir())\n"
        "    print('tz', time.tzname[0], 'hash', hash('abc') == hash('abc'))\n"
        "main()\n"
    ))
    result = runner.run(snippet)
    assert result.stdout == "cwd <tmp>\ntmp <tmp>/tmp\ntz UTC hash True\n"


def test_a_snippet_that_raises_is_located(project: Path) -> None:
    snippet = write_snippet(project, "boom", "def main():\n    1 / 0\n\nmain()\n")
    with pytest.raises(LabError) as caught:
        runner.run(snippet)
    error = caught.value
    assert (Path(error.path), error.line) == (snippet.path, 2)
    assert "ZeroDivisionError: division by zero" in error.message
    assert "python -m snippets.demo.boom" in error.fix


def test_a_snippet_that_hangs_is_stopped_and_located(project: Path) -> None:
    snippet = write_snippet(project, "hang", (
        "import time\nTIMEOUT = 3\n\ndef main():\n    while True:\n        time.sleep(0.1)\n\n"
        "main()\n"
    ))
    with pytest.raises(LabError) as caught:
        runner.run(snippet)
    error = caught.value
    assert "did not finish within 3 s" in error.message
    assert (Path(error.path), error.line) == (snippet.path, 6)
    assert "TIMEOUT" in error.fix


def test_network_beyond_loopback_is_refused(project: Path) -> None:
    snippet = write_snippet(project, "net", (
        "import socket\n"
        "def main():\n"
        "    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
        "main()\n"
    ))
    with pytest.raises(LabError, match=r"network access to '192\.0\.2\.1' is blocked"):
        runner.run(snippet)


def test_loopback_is_allowed(project: Path) -> None:
    snippet = write_snippet(project, "loop", (
        "import socket\n"
        "def main():\n"
        "    server = socket.create_server(('127.0.0.1', 0))\n"
        "    client = socket.create_connection(server.getsockname())\n"
        "    conn, _ = server.accept()\n"
        "    client.sendall(b'ping')\n"
        "    print(conn.recv(4).decode())\n"
        "main()\n"
    ))
    assert runner.run(snippet).stdout == "ping\n"


def test_the_environment_is_clean(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_TOKEN", "do-not-leak")
    snippet = write_snippet(project, "env", (
        "import os\ndef main():\n    print(os.environ.get('SECRET_TOKEN'))\nmain()\n"
    ))
    assert runner.run(snippet).stdout == "None\n"


def test_a_timeout_constant_that_is_not_a_number_is_named(project: Path) -> None:
    snippet = write_snippet(project, "clash", "import httpx\nTIMEOUT = httpx.Timeout(5)\n")
    with pytest.raises(LabError, match="module constant TIMEOUT") as caught:
        snippet.timeout  # noqa: B018
    assert caught.value.line == 2 and "CLIENT_TIMEOUT" in caught.value.fix


def test_writes_inside_the_temporary_folder_are_allowed(project: Path) -> None:
    snippet = write_snippet(project, "files", (
        "import os, shutil, sqlite3, tempfile\n"
        "def main():\n"
        "    with open('here.txt', 'w') as out:\n"
        "        out.write('x')\n"
        "    os.mkdir('folder')\n"
        "    os.rename('here.txt', 'folder/moved.txt')\n"
        "    shutil.rmtree('folder')\n"
        "    with tempfile.NamedTemporaryFile('w') as out, open(os.devnull, 'w') as null:\n"
        "        out.write('x'); null.write('x')\n"
        "    sqlite3.connect(os.path.join(tempfile.gettempdir(), 'db.sqlite')).execute(\n"
        "        'CREATE TABLE t (x)')\n"
        "    print('ok')\n"
        "main()\n"
    ))
    assert runner.run(snippet).stdout == "ok\n"


@pytest.mark.parametrize("call", [
    "os.mkdir(os.path.join(os.environ['LAB_ROOT'], 'made'))",
    "os.remove(os.path.join(os.environ['LAB_ROOT'], 'snippets', '__init__.py'))",
    "shutil.copyfile(__file__, os.path.join(os.environ['LAB_ROOT'], 'copy.py'))",
    "os.open(os.path.join(os.environ['LAB_ROOT'], 'raw'), os.O_WRONLY | os.O_CREAT)",
])
def test_changes_outside_the_temporary_folder_are_refused(project: Path, call: str) -> None:
    snippet = write_snippet(project, "escape", (
        f"import os, shutil\ndef main():\n    {call}\nmain()\n"
    ))
    before = sorted(project.rglob("*"))
    with pytest.raises(LabError, match=r"writing to '<repo>/.*' is blocked") as caught:
        runner.run(snippet)
    assert caught.value.line == 3 and "tempfile.gettempdir()" in caught.value.fix
    assert sorted(project.rglob("*")) == before


def test_memory_mb_raises_the_cap(project: Path) -> None:
    body = "import mmap\ndef main():\n    print(len(mmap.mmap(-1, 2500 * 2**20)) >> 20)\nmain()\n"
    with pytest.raises(LabError, match="memory cap of 2048 MB"):
        runner.run(write_snippet(project, "small", body))
    roomy = write_snippet(project, "roomy", "MEMORY_MB = 4096\n" + body)
    assert roomy.memory_mb == 4096
    assert runner.run(roomy).stdout == "2500\n"


def test_a_forked_child_exits_under_the_hang_timer(project: Path) -> None:
    """The hang timer is off across fork(): a forked child (gunicorn, multiprocessing) exits."""
    snippet = write_snippet(project, "forks", (
        "import os\n"
        "def main():\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        raise SystemExit(0)  # a normal exit, which used to hang on CPython 3.11\n"
        "    os.waitpid(pid, 0)\n"
        "    print('the child exited')\n"
        'if __name__ == "__main__":\n    main()\n'
    ))
    assert runner.run(snippet).stdout == "the child exited\n"
