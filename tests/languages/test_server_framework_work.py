"""Mirrors snippets/languages/server_framework_work.py: what each framework does unasked."""

from __future__ import annotations

import httpx
import pytest

from snippets.languages.server_apps.client import fetch
from snippets.languages.server_framework_work import REQUESTS, servers


@pytest.fixture(scope="module")
def got() -> dict[tuple[str, str], httpx.Response]:
    found = {}
    for name, server in servers().items():
        with server as base_url:
            for label, (method, path, headers) in REQUESTS.items():
                found[name, label] = fetch(base_url, path, method, headers)
    return found


def test_bad_path_parameter_422_in_fastapi_404_elsewhere(got) -> None:  # type: ignore[no-untyped-def]
    fastapi = got["FastAPI", "GET /books/abc"]
    assert fastapi.status_code == 422
    assert fastapi.json()["detail"][0]["loc"] == ["path", "book_id"]
    for name in ("Flask", "Django"):
        assert got[name, "GET /books/abc"].status_code == 404
        assert got[name, "GET /books/abc"].headers["content-type"].startswith("text/html")


def test_frameworks_answer_405_with_allow(got) -> None:  # type: ignore[no-untyped-def]
    assert got["plain WSGI", "POST /books/1"].status_code == 404  # our code knows no 405
    allowed = {name: {m.strip() for m in got[name, "POST /books/1"].headers["allow"].split(",")}
               for name in ("Flask", "Django", "FastAPI")}
    assert allowed == {"Flask": {"GET", "HEAD", "OPTIONS"}, "Django": {"GET", "HEAD"},
                       "FastAPI": {"GET"}}


def test_head(got) -> None:  # type: ignore[no-untyped-def]
    assert got["Flask", "HEAD /books/1"].status_code == 200
    assert got["Django", "HEAD /books/1"].status_code == 200
    assert got["FastAPI", "HEAD /books/1"].status_code == 405
    assert all(got[n, "HEAD /books/1"].content == b"" for n in ("Flask", "Django"))


def test_error_pages_ignore_accept(got) -> None:  # type: ignore[no-untyped-def]
    for name in ("Flask", "Django"):
        assert got[name, "GET /nope, Accept: JSON"].headers["content-type"].startswith("text/html")
    assert got["FastAPI", "GET /nope, Accept: JSON"].json() == {"detail": "Not Found"}


def test_only_django_checks_host_by_default(got) -> None:  # type: ignore[no-untyped-def]
    statuses = {name: got[name, "GET /books/1, Host: evil"].status_code
                for name in ("plain WSGI", "Flask", "Django", "FastAPI")}
    assert statuses == {"plain WSGI": 200, "Flask": 200, "Django": 400, "FastAPI": 200}
