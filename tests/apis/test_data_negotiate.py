"""Mirrors snippets/apis/data_negotiate.py: Accept picks JSON or XML; nothing acceptable is 406."""

from __future__ import annotations

import defusedxml.ElementTree as SafeET
import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.apis.data_negotiate import app, choose


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "application/json"),
    ("application/json", "application/json"),
    ("application/xml", "application/xml"),
    ("application/*", "application/json"),
    ("application/xml;q=0.5, application/json;q=0.9", "application/json"),
    ("application/json;q=0, */*", "application/xml"),
    ("text/html", None),
    ("application/json;q=0, application/xml;q=0", None),
])
def test_choose(accept: str | None, expected: str | None) -> None:
    assert choose(accept) == expected


def test_real_server_answers_in_both_formats_and_406() -> None:
    with serve_in_thread(app) as base_url, httpx.Client(base_url=base_url) as client:
        as_json = client.get("/books/1", headers={"Accept": "application/json"})
        as_xml = client.get("/books/1", headers={"Accept": "application/xml"})
        refused = client.get("/books/1", headers={"Accept": "text/html"})
    assert as_json.status_code == 200 and as_json.json()["title"] == "The Dispossessed"
    assert as_xml.headers["content-type"] == "application/xml"
    assert SafeET.fromstring(as_xml.content).findtext("title") == "The Dispossessed"
    assert refused.status_code == 406
    assert refused.json()["available"] == ["application/json", "application/xml"]
    assert all(r.headers["vary"] == "Accept" for r in (as_json, as_xml, refused))

