"""Mirrors snippets/security/jwt_rotation.py: overlap, retirement, unknown and forged kids."""

from __future__ import annotations

import jwt
import pytest

from snippets.security.jwt_kit import assemble, ec_key
from snippets.security.jwt_rotation import Issuer, UnknownKeyError, claims, verify


def test_rotation_overlap_then_retirement() -> None:
    auth = Issuer("old")
    old_token = auth.sign(claims("ada"))
    auth.rotate("new")
    new_token = auth.sign(claims("grace"))
    assert jwt.get_unverified_header(new_token)["kid"] == "new"
    assert verify(old_token, auth.jwks())["sub"] == "ada"      # overlap
    assert verify(new_token, auth.jwks())["sub"] == "grace"
    auth.retire("old")
    with pytest.raises(UnknownKeyError):
        verify(old_token, auth.jwks())
    assert verify(new_token, auth.jwks())["sub"] == "grace"


def test_jwks_publishes_public_keys_only() -> None:
    auth = Issuer("k1")
    auth.rotate("k2")
    keys = auth.jwks()["keys"]
    assert [k["kid"] for k in keys] == ["k1", "k2"]
    assert all("d" not in k and k["alg"] == "ES256" and k["use"] == "sig" for k in keys)


def test_unknown_kid_and_attacker_key_are_refused() -> None:
    auth = Issuer("k1")
    mallory = ec_key()
    with pytest.raises(UnknownKeyError):
        verify(jwt.encode(claims("m"), mallory, algorithm="ES256", headers={"kid": "k9"}),
               auth.jwks())
    with pytest.raises(jwt.InvalidSignatureError):
        verify(jwt.encode(claims("m"), mallory, algorithm="ES256", headers={"kid": "k1"}),
               auth.jwks())
    with pytest.raises(jwt.InvalidAlgorithmError):
        verify(assemble({"alg": "none", "kid": "k1"}, claims("m")), auth.jwks())
