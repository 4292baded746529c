"""Mirrors snippets/security/hygiene_headers.py: the middleware adds every security header."""

from __future__ import annotations

import httpx
from fastapi.responses import PlainTextResponse

from labkit.serve import serve_in_thread
from snippets.security.hygiene_headers import (
    SECURITY_HEADERS,
    create_app,
    create_app_vulnerable,
    missing_headers,
)


def test_the_bare_app_sends_none() -> None:
    with serve_in_thread(create_app_vulnerable()) as base:
        response = httpx.get(f"{base}/")
    assert missing_headers(response.headers) == list(SECURITY_HEADERS)


def test_every_response_carries_them_even_a_404() -> None:
    with serve_in_thread(create_app()) as base:
        for path in ("/", "/no-such-page"):
            response = httpx.get(f"{base}{path}")
            assert missing_headers(response.headers) == []
            assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
            assert response.headers["x-frame-options"] == "DENY"


def test_a_route_can_set_its_own_policy() -> None:
    app = create_app()

    @app.get("/embed")
    def embed() -> PlainTextResponse:
        return PlainTextResponse("widget", headers={"X-Frame-Options": "SAMEORIGIN"})

    with serve_in_thread(app) as base:
        assert httpx.get(f"{base}/embed").headers["x-frame-options"] == "SAMEORIGIN"
