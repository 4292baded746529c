"""The MkDocs hooks on their own, rebuilds without leaking state, and live reload under serve."""

from __future__ import annotations

import importlib.util
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from labkit.extension import current_page
from tests.support import LESSON, QUIZ, REPO, build, make_project, record
from tests.test_bad_input import FILES, GOOD_SNIPPET


def load_hooks():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("lab_hooks", REPO / "hooks" / "lab.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def fake_page(path: Path, src_uri: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(abs_src_path=str(path), src_uri=src_uri), meta={})


def fake_files(*uris: str) -> SimpleNamespace:
    pages = [SimpleNamespace(src_uri=u) for u in uris]
    return SimpleNamespace(documentation_pages=lambda: pages)


def test_hook_validates_and_sets_the_page_offset(tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    hooks = load_hooks()
    page = tmp_path / "page.md"
    front = LESSON.format(title="T").replace("beginner", "expert")
    page.write_text(front + "\nBody\n")
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.lab"):
        hooks.on_page_markdown("\nBody\n", fake_page(page, "page.md"), {}, fake_files("page.md"))
    assert any("page.md:8: difficulty must be one of" in r.getMessage() for r in caplog.records)
    info = current_page.get()
    assert info is not None and info.path == page and info.offset == 11
    hooks.on_page_content("<p>Body</p>", fake_page(page, "page.md"), {}, fake_files())
    assert current_page.get() is None


def test_a_rebuild_sees_the_changed_snippet(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project",
                        {"page.md": LESSON.format(title="T") + "\n@snippet demo/hello.py#greet\n"
                         "@output demo/hello.py\n" + QUIZ}, FILES)
    snippet = root / "snippets" / "demo" / "hello.py"
    for word in ("hello", "goodbye"):
        snippet.write_text(GOOD_SNIPPET.replace('"hello"', f'"{word}"'))
        record(root, "demo.hello")
        result = build(root)
        assert result.returncode == 0, result.stderr
        html = (root / "site" / "page" / "index.html").read_text()
        assert f"{word}\n</code></pre>" in html, f"the page does not show the new {word!r}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def test_serve_rebuilds_when_a_snippet_changes(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project",
                        {"page.md": LESSON.format(title="T") + "\n@snippet demo/hello.py\n" + QUIZ},
                        FILES)
    port = free_port()
    env = {**os.environ, "LAB_ROOT": str(root), "NO_MKDOCS_2_WARNING": "1",
           "SITE_URL": f"http://127.0.0.1:{port}/"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr",
         f"127.0.0.1:{port}"], cwd=root, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/page/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert "hello" in fetch(url)
                break
            except OSError:
                assert time.monotonic() < deadline, "mkdocs serve did not start"
                time.sleep(0.3)
        snippet = root / "snippets" / "demo" / "hello.py"
        snippet.write_text(GOOD_SNIPPET.replace('"hello"', '"edited while serving"'))
        deadline = time.monotonic() + 60
        while "edited while serving" not in fetch(url):
            assert time.monotonic() < deadline, "the page was not rebuilt after the edit"
            time.sleep(0.3)
    finally:
        os.killpg(server.pid, 9)
        server.wait()
