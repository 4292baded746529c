"""Mirrors snippets/languages/conc_node.py: Node's loop overlaps waits; a worker keeps it free."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from snippets.languages.conc_node import NODE_PROGRAM


def test_node_loop_and_worker() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    done = subprocess.run([node, "--input-type=module"], input=NODE_PROGRAM,
                          capture_output=True, text=True, timeout=60, check=True)
    figures = json.loads(done.stdout)
    assert figures["twentyRequests"] < 1000  # 20 × 100 ms would be 2000 ms one by one
    assert figures["lagOnLoop"] >= 0.8 * figures["crunchTime"]
    assert figures["lagWithWorker"] < figures["lagOnLoop"] / 3
