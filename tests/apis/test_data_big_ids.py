"""Mirrors snippets/apis/data_big_ids.py: ids above 2**53 change in a double; strings don't.

When Node.js is installed, the claim is also checked against real JavaScript `JSON.parse`.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from snippets.apis import data_big_ids

BIG = 1_234_567_890_123_456_789


def test_safe_integer_survives_and_the_next_ones_do_not() -> None:
    read = data_big_ids.read_like_javascript
    assert read(json.dumps({"id": 2**53 - 1}))["id"] == 2**53 - 1
    assert int(read(json.dumps({"id": 2**53 + 1}))["id"]) == 2**53
    assert int(read(json.dumps({"id": BIG}))["id"]) == 1_234_567_890_123_456_768


def test_an_id_sent_as_a_string_survives() -> None:
    assert data_big_ids.read_like_javascript(json.dumps({"id": str(BIG)}))["id"] == str(BIG)


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_real_javascript_agrees() -> None:
    script = ("const o = JSON.parse(process.argv[1]);"
              "console.log(BigInt(o.id).toString(), typeof o.sid, o.sid);")
    body = json.dumps({"id": BIG, "sid": str(BIG)})
    out = subprocess.run(["node", "-e", script, body], capture_output=True, text=True,
                         check=True, timeout=30).stdout.split()
    assert out == ["1234567890123456768", "string", str(BIG)]
