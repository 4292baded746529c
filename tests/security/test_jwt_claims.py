"""Mirrors snippets/security/jwt_claims.py: each registered claim refuses a bad token."""

from __future__ import annotations

import time

import jwt
import pytest

from snippets.security.jwt_claims import make, verify
from snippets.security.jwt_kit import hmac_secret

KEY = hmac_secret()


def now() -> int:
    """The time at the moment a test runs (not at collection: xdist may run it minutes later)."""
    return int(time.time())


def test_fresh_token_passes() -> None:
    assert verify(make(KEY), KEY)["sub"] == "ada"


@pytest.mark.parametrize(("changes", "error"), [
    ({"iat": -310, "exp": -10}, jwt.ExpiredSignatureError),  # seconds from now
    ({"nbf": 60}, jwt.ImmatureSignatureError),
    ({"aud": "billing-api"}, jwt.InvalidAudienceError),
    ({"iss": "https://evil.example"}, jwt.InvalidIssuerError),
    ({"exp": None}, jwt.MissingRequiredClaimError),
    ({"aud": None}, jwt.MissingRequiredClaimError),
    ({"iss": None}, jwt.MissingRequiredClaimError),
])
def test_bad_claims_are_refused(changes: dict[str, object], error: type[Exception]) -> None:
    times = {"iat", "exp", "nbf"}
    claims = {k: now() + v if k in times and isinstance(v, int) else v for k, v in changes.items()}
    with pytest.raises(error):
        verify(make(KEY, **claims), KEY)


def test_leeway_forgives_small_skew_only() -> None:
    t = now()
    assert verify(make(KEY, iat=t - 310, exp=t - 10), KEY, leeway=30)
    assert verify(make(KEY, nbf=t + 10), KEY, leeway=30)
    with pytest.raises(jwt.ExpiredSignatureError):
        verify(make(KEY, iat=t - 900, exp=t - 600), KEY, leeway=30)


def test_issuer_is_checked_only_when_named() -> None:
    token = make(KEY, iss="https://evil.example")
    claims = jwt.decode(token, KEY, algorithms=["HS256"], audience="library-api")
    assert claims["iss"] == "https://evil.example"  # the pitfall the page warns about
