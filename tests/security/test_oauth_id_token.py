"""Mirrors snippets/security/oauth_id_token.py: the ID token verifies; bad ones do not."""

from __future__ import annotations

import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from snippets.security import oauth_id_token
from snippets.security.oauth_id_token import verify_id_token

ISSUER, CLIENT, NONCE = "https://id.example", "shelf-app", "n-0S6_WzA2Mj"


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def sign(key: rsa.RSAPrivateKey, **changes: object) -> tuple[str, dict]:
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": "ada", "aud": CLIENT, "iat": now, "exp": now + 300,
              "nonce": NONCE, **changes}
    claims = {k: v for k, v in claims.items() if v is not None}
    token = jwt.encode(claims, key, algorithm="RS256", headers={"kid": "k1"})
    public = jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
    return token, {"keys": [{**public, "kid": "k1"}]}


def test_the_snippet_verifies_and_refuses(capsys: pytest.CaptureFixture[str]) -> None:
    oauth_id_token.main()  # raises if a broken token were accepted
    out = capsys.readouterr().out
    assert "'id_token'" in out and "sub: ada" in out and "aud: shelf-app" in out
    assert out.count("refused (") == 3


def test_a_good_token_verifies(key: rsa.RSAPrivateKey) -> None:
    token, jwks = sign(key)
    assert verify_id_token(token, jwks, ISSUER, CLIENT, NONCE)["sub"] == "ada"


@pytest.mark.parametrize("changes", [
    {"exp": int(time.time()) - 3600},      # expired
    {"iss": "https://attacker.example"},   # another issuer
    {"aud": "other-app"},                  # another client
    {"nonce": None},                       # no nonce at all
    {"nonce": "another-login"},            # a replay
])
def test_bad_claims_are_refused(key: rsa.RSAPrivateKey, changes: dict) -> None:
    token, jwks = sign(key, **changes)
    with pytest.raises(jwt.InvalidTokenError):
        verify_id_token(token, jwks, ISSUER, CLIENT, NONCE)


def test_unsigned_and_foreign_tokens_are_refused(key: rsa.RSAPrivateKey) -> None:
    _, jwks = sign(key)
    unsigned = jwt.encode({"sub": "ada"}, None, algorithm="none", headers={"kid": "k1"})
    with pytest.raises(jwt.InvalidTokenError):
        verify_id_token(unsigned, jwks, ISSUER, CLIENT, NONCE)
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged, _ = sign(other)
    with pytest.raises(jwt.InvalidSignatureError):
        verify_id_token(forged, jwks, ISSUER, CLIENT, NONCE)
