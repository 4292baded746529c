"""Reference solution for the oauth_pkce_pair exercise."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")


def make_code_verifier() -> str:
    """A new random code_verifier (43-128 unreserved characters)."""
    return secrets.token_urlsafe(32)  # 32 random bytes -> 43 base64url characters


def s256_challenge(verifier: str) -> str:
    """BASE64URL(SHA256(ASCII(verifier))), without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def verify_pkce(verifier: str, challenge: str, method: str) -> bool:
    """Does `verifier` prove possession for this S256 `challenge`?"""
    if method != "S256" or not VERIFIER.fullmatch(verifier):
        return False
    return hmac.compare_digest(s256_challenge(verifier), challenge)
