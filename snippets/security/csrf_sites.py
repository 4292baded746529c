"""Origin versus site: which pairs of URLs a SameSite cookie treats as "the same site".

A sketch of the HTML Standard's definitions ("obtain a site", "same site"), enough to reason
about SameSite cookies. Real browsers use the whole Public Suffix List; `PUBLIC_SUFFIXES`
here is a hand-picked fragment of it, so only the hosts below are classified correctly.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

PUBLIC_SUFFIXES = {"com", "org", "example", "uk", "co.uk", "github.io"}
"""A few entries of the Public Suffix List (the real list has thousands)."""


# --8<-- [start:site]
def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port): two URLs are same-origin when all three are equal."""
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}[parts.scheme]
    return parts.scheme, parts.hostname or "", port


def registrable_domain(host: str) -> str | None:
    """The public suffix plus one label; None for IP addresses and bare suffixes/hosts."""
    try:
        ipaddress.ip_address(host)
        return None  # an IP address has no registrable domain
    except ValueError:
        pass
    labels = host.split(".")
    for start in range(len(labels)):  # the longest matching suffix wins
        if ".".join(labels[start:]) in PUBLIC_SUFFIXES:
            return ".".join(labels[start - 1:]) if start > 0 else None
    return None  # e.g. "localhost": not under any listed suffix


def site(url: str) -> tuple[str, str]:
    """(scheme, registrable domain), or (scheme, host) when the host has none. Ports don't count."""
    scheme, host, _ = origin(url)
    return scheme, registrable_domain(host) or host
# --8<-- [end:site]


PAIRS = [
    ("http://127.0.0.1:8000", "http://127.0.0.1:9000"),
    ("http://127.0.0.1:8000", "http://localhost:9000"),
    ("https://shop.example.com", "https://evil.example.com"),
    ("https://alice.github.io", "https://mallory.github.io"),
    ("https://shop.example.co.uk", "https://other.co.uk"),
    ("http://shop.example.com", "https://shop.example.com"),
]


def main() -> None:
    """Classify each pair as same-origin or not, same-site or not."""
    # --8<-- [start:table]
    print(f"{'app':<28} {'attacker page':<28} {'same origin':<12} same site")
    for app, attacker in PAIRS:
        same_origin = origin(app) == origin(attacker)
        same_site = site(app) == site(attacker)
        print(f"{app:<28} {attacker:<28} {same_origin!s:<12} {same_site}")
    # --8<-- [end:table]


if __name__ == "__main__":
    main()
