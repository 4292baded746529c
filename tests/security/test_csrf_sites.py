"""Mirrors snippets/security/csrf_sites.py: origin and site, as the HTML Standard defines them."""

from __future__ import annotations

import pytest

from snippets.security.csrf_sites import origin, registrable_domain, site


@pytest.mark.parametrize(("a", "b", "same"), [
    ("http://127.0.0.1:8000", "http://127.0.0.1:9000", True),  # ports never count for a site
    ("http://127.0.0.1:8000", "http://localhost:8000", False),  # different hosts, no domain
    ("https://shop.example.com", "https://evil.example.com", True),
    ("https://alice.github.io", "https://mallory.github.io", False),  # github.io is public
    ("http://shop.example.com", "https://shop.example.com", False),  # schemeful
])
def test_same_site(a: str, b: str, same: bool) -> None:
    assert (site(a) == site(b)) is same
    assert origin(a) != origin(b)


def test_registrable_domain() -> None:
    assert registrable_domain("127.0.0.1") is None
    assert registrable_domain("localhost") is None
    assert registrable_domain("a.b.example.co.uk") == "example.co.uk"
    assert registrable_domain("co.uk") is None
