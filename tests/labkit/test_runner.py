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
