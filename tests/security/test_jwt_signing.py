"""Mirrors snippets/security/jwt_signing.py: three algorithms, public-key checks, exact sizes."""

from __future__ import annotations

import jwt
import pytest

from snippets.security.jwt_kit import ec_key, hmac_secret, public_pem, read_unverified, rsa_key
from snippets.security.jwt_signing import access_claims, verify


@pytest.mark.parametrize(("alg", "signature_bytes"), [("HS256", 32), ("ES256", 64),
                                                      ("RS256", 256)])
def test_sign_verify_and_signature_size(alg: str, signature_bytes: int) -> None:
    if alg == "HS256":
        signing_key = verifying_key = hmac_secret()
    else:
        private = ec_key() if alg == "ES256" else rsa_key()
        signing_key, verifying_key = private, public_pem(private)
    token = jwt.encode(access_claims("ada"), signing_key, algorithm=alg)
    assert verify(token, verifying_key, alg)["sub"] == "ada"
    assert len(read_unverified(token)[2]) == signature_bytes


def test_public_key_cannot_sign_and_a_stranger_key_fails() -> None:
    private = ec_key()
    token = jwt.encode(access_claims("ada"), private, algorithm="ES256")
    with pytest.raises(jwt.InvalidSignatureError):
        verify(token, public_pem(ec_key()), "ES256")


def test_verify_refuses_a_different_algorithm() -> None:
    secret = hmac_secret()
    token = jwt.encode(access_claims("ada"), secret, algorithm="HS256")
    with pytest.raises(jwt.InvalidAlgorithmError):
        verify(token, secret, "HS512")
