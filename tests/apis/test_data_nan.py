"""Mirrors snippets/apis/data_nan.py: Python writes NaN, strict parsers (JavaScript) refuse it."""

from __future__ import annotations

import json
import math
import shutil
import subprocess

import pytest

from snippets.apis import data_nan


def test_python_writes_nan_by_default() -> None:
    assert json.dumps(math.nan) == "NaN"
    assert json.dumps(math.inf) == "Infinity"


def test_allow_nan_false_refuses() -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        json.dumps(math.nan, allow_nan=False)


def test_strict_hook_refuses() -> None:
    with pytest.raises(ValueError, match="NaN is not valid JSON"):
        json.loads('{"r": NaN}', parse_constant=data_nan.reject_constant)


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_javascript_json_parse_refuses_nan() -> None:
    script = ("try { JSON.parse(process.argv[1]); console.log('ok') }"
              " catch (e) { console.log(e.name) }")
    out = subprocess.run(["node", "-e", script, json.dumps({"r": math.nan})],
                         capture_output=True, text=True, check=True, timeout=30).stdout.strip()
    assert out == "SyntaxError"


def test_fastapi_refuses_nan_without_a_return_type_and_nulls_it_with_one() -> None:
    """The page: no return type -> 500 (allow_nan=False); `-> dict` -> Pydantic writes null."""
    import httpx
    from fastapi import FastAPI

    from labkit.serve import serve_in_thread

    app = FastAPI()

    @app.get("/plain")
    def plain():  # type: ignore[no-untyped-def]  # no return type, on purpose
        return {"average_rating": math.nan}

    @app.get("/typed")
    def typed() -> dict[str, float]:
        return {"average_rating": math.nan}

    with serve_in_thread(app) as base_url:
        plain_response = httpx.get(f"{base_url}/plain")  # uvicorn logs the ValueError
        typed_response = httpx.get(f"{base_url}/typed")
    assert plain_response.status_code == 500
    assert typed_response.status_code == 200
    assert typed_response.json() == {"average_rating": None}
