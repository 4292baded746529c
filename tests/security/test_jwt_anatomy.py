"""Mirrors snippets/security/jwt_anatomy.py: claims readable by all; tampering breaks the MAC."""

from __future__ import annotations

import json

import jwt
import pytest

from snippets.security.jwt_anatomy import decode_by_hand, issue, signature_ok
from snippets.security.jwt_kit import b64url_encode, hmac_secret


def test_claims_are_readable_without_the_key() -> None:
    token = issue(hmac_secret())
    header, claims, signature = decode_by_hand(token)
    assert header == {"alg": "HS256", "typ": "JWT"}
    assert claims["email"] == "ada@example.org"
    assert len(signature) == 32


def test_hand_check_agrees_with_pyjwt() -> None:
    key = hmac_secret()
    token = issue(key)
    assert signature_ok(token, key)
    assert jwt.decode(token, key, algorithms=["HS256"])["sub"] == "ada"
    assert not signature_ok(token, hmac_secret())


def test_tampered_claims_fail_both_checks() -> None:
    key = hmac_secret()
    header_b64, _, signature_b64 = issue(key).split(".")
    forged_claims = b64url_encode(json.dumps({"sub": "ada", "role": "admin"}).encode())
    forged = f"{header_b64}.{forged_claims}.{signature_b64}"
    assert not signature_ok(forged, key)
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(forged, key, algorithms=["HS256"])
