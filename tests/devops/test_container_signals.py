"""Mirrors snippets/devops/container_signals.py: SIGTERM reaches the app only in exec form."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from snippets.devops.container_kit import replay


@pytest.mark.parametrize(("shell", "prefix", "drains"), [
    (False, [], True), (True, [], False), (True, ["exec"], True),
])
def test_sigterm_to_the_main_process(tmp_path: Path, shell: bool, prefix: list[str],
                                     drains: bool) -> None:
    runtime = replay.lay_out(tmp_path)
    with replay.running(runtime, [*prefix, *runtime.cmd], via_shell=shell) as server:
        server.process.terminate()
        server.process.wait(timeout=15)
        time.sleep(0.5)
        still_serving = replay.run_healthcheck(runtime, server.port) == 0
        assert ("Application shutdown complete." in server.log()) is drains
        assert still_serving is not drains
    # the context manager cleaned up whatever the shell left behind
    assert replay.run_healthcheck(runtime, server.port) == 1
