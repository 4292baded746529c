"""The people and programs around the provider: a user's browser, a loopback callback, printing.

`Browser` is a cookie jar that follows redirects one hop at a time, so each hop can be shown.
`Callback` is the tiny server a native app listens with on 127.0.0.1 (RFC 8252 §7.3) to
receive the authorization response. `show` hides what changes from run to run (ports,
random values) so the printed output stays the same.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl

import authlib.deprecate
import httpx

from labkit.serve import serve_wsgi_in_thread

with warnings.catch_warnings():  # Authlib 1.9 prefers the `httpx2` package; httpx works the same
    warnings.simplefilter("ignore", authlib.deprecate.AuthlibDeprecationWarning)
    from authlib.integrations.httpx_client import OAuth2Client

__all__ = ["Browser", "Callback", "OAuth2Client", "params", "show"]

NAMES: dict[str, str] = {}
"""Base URL -> the name printed instead of it, e.g. `http://127.0.0.1:41234` -> `<provider>`."""


def name_server(base_url: str, name: str) -> None:
    """Print `base_url` as `<name>` from now on."""
    NAMES[base_url] = f"<{name}>"


def show(value: str, secrets: Iterable[str] = ()) -> str:
    """`value` with known base URLs named and each of `secrets` replaced by its length."""
    for base, name in sorted(NAMES.items(), key=lambda item: -len(item[0])):
        value = value.replace(base, name)
    for secret in secrets:
        if secret:
            value = value.replace(secret, f"<{len(secret)} chars>")
    return re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:<port>", value)


def params(url_or_body: str) -> dict[str, str]:
    """The query parameters of a URL, or the fields of a form-encoded body."""
    query = url_or_body.split("?", 1)[1] if "?" in url_or_body else url_or_body
    return dict(parse_qsl(query))


class Browser:
    """One person's browser: its own cookies, redirects followed by hand."""

    def __init__(self) -> None:
        self.http = httpx.Client(follow_redirects=False, timeout=10)

    def login(self, provider: str, user: str, password: str) -> None:
        """Sign in at the provider (its session cookie stays in this browser)."""
        self.http.post(f"{provider}/login", data={"username": user, "password": password})

    def consent(self, authorize_url: str, confirm: str = "yes") -> httpx.Response:
        """Open the consent page and press Allow; return the provider's answer (302 or error)."""
        page = self.http.get(authorize_url)
        if page.status_code != 200:
            return page
        return self.http.post(authorize_url, data={"confirm": confirm})

    def get(self, url: str) -> httpx.Response:
        """Load a URL (follow one redirect by hand)."""
        return self.http.get(url)

    def close(self) -> None:
        """Close the browser."""
        self.http.close()


class Callback:
    """A loopback HTTP listener that keeps every URL it was sent to (a native app's redirect)."""

    def __init__(self) -> None:
        self.received: list[str] = []
        self.base = ""

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        self.received.append(f"{self.base}{environ['PATH_INFO']}?{environ['QUERY_STRING']}")
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"Signed in. You can close this window."]

    @contextmanager
    def serving(self, name: str) -> Iterator[str]:
        """Listen on a free loopback port; yield the base URL."""
        with serve_wsgi_in_thread(self) as base:
            self.base = base
            name_server(base, name)
            yield base
