"""Hidden checks for the jwt_verifier exercise."""

from __future__ import annotations

import hashlib
import hmac
import time
from types import ModuleType
from typing import Any

import jwt

from snippets.security.jwt_kit import assemble, ec_key, public_pem

ISSUER = "https://auth.library.test"
AUDIENCE = "library-api"
SERVER = ec_key()
PEM = public_pem(SERVER)


def _claims(**changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": "ada", "iat": now, "exp": now + 300}
    claims.update(changes)
    return {name: value for name, value in claims.items() if value is not None}


def _genuine(**changes: Any) -> str:
    return jwt.encode(_claims(**changes), SERVER, algorithm="ES256")


def _refused(module: ModuleType, token: str, what: str) -> None:
    try:
        claims = module.verify_access_token(token, PEM)
    except jwt.InvalidTokenError:
        return
    except NotImplementedError:
        raise AssertionError("verify_access_token is not written yet") from None
    except jwt.PyJWTError as error:
        raise AssertionError(
            f"{what}: raised {type(error).__name__}, which is not a jwt.InvalidTokenError; "
            "narrow `algorithms` to the one the server uses") from None
    raise AssertionError(f"{what} was ACCEPTED with claims {claims}")


def check_accepts_genuine(module: ModuleType) -> None:
    """A genuine ES256 token from the right issuer, for the right audience, passes."""
    claims = module.verify_access_token(_genuine(), PEM)
    if claims.get("sub") != "ada":
        raise AssertionError(f"expected the token's claims back, got {claims!r}")


def check_rejects_alg_none(module: ModuleType) -> None:
    """A token that says `alg: none` and carries no signature is refused."""
    _refused(module, assemble({"alg": "none", "typ": "JWT"}, _claims(sub="mallory")),
             "an unsigned alg:none token")


def check_rejects_algorithm_confusion(module: ModuleType) -> None:
    """An HS256 token MACed with the server's public key is refused."""
    token = assemble({"alg": "HS256", "typ": "JWT"}, _claims(sub="mallory"),
                     lambda data: hmac.new(PEM, data, hashlib.sha256).digest())
    _refused(module, token, "an HS256 token MACed with the public key")


def check_rejects_other_keys(module: ModuleType) -> None:
    """A well-formed ES256 token signed by someone else's key is refused."""
    _refused(module, jwt.encode(_claims(sub="mallory"), ec_key(), algorithm="ES256"),
             "a token signed by another key")


def check_checks_issuer_and_audience(module: ModuleType) -> None:
    """Tokens from another issuer, or for another audience, are refused."""
    _refused(module, _genuine(iss="https://evil.example"), "a token from another issuer")
    _refused(module, _genuine(aud="billing-api"), "a token for another API")
    _refused(module, _genuine(iss=None), "a token with no iss")


def check_requires_claims(module: ModuleType) -> None:
    """Tokens missing exp, iat or sub are refused."""
    for claim in ("exp", "iat", "sub"):
        _refused(module, _genuine(**{claim: None}), f"a token with no {claim}")


def check_leeway(module: ModuleType) -> None:
    """Expired 10 s ago passes (30 s of leeway); expired 2 minutes ago does not."""
    now = int(time.time())
    try:
        module.verify_access_token(_genuine(iat=now - 310, exp=now - 10), PEM)
    except jwt.InvalidTokenError as error:
        raise AssertionError(f"a token expired 10 s ago should pass with 30 s of leeway: "
                             f"{type(error).__name__}: {error}") from None
    _refused(module, _genuine(iat=now - 420, exp=now - 120), "a token expired 2 minutes ago")
