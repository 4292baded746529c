"""Mirrors snippets/languages/server_keepalive.py: no Content-Length means read until close."""

from __future__ import annotations

import httpx
import pytest

from snippets.languages.server_keepalive import BODY, one_connection_server


def test_kept_connection_without_length_times_out() -> None:
    with one_connection_server(close=False) as base_url, \
            httpx.Client(base_url=base_url, timeout=1.0) as client, \
            pytest.raises(httpx.ReadTimeout):
        client.get("/books/1")


def test_closed_connection_delimits_the_body() -> None:
    with one_connection_server(close=True) as base_url:
        response = httpx.get(f"{base_url}/books/1", timeout=5)
    assert response.content == BODY
    assert "content-length" not in response.headers
