"""Write a token verifier attackers can't talk round.

The library's auth server signs access tokens with ES256 and publishes its public key as PEM.
Write `verify_access_token(token, public_key_pem)` with PyJWT. It returns the claims of a
genuine token and raises `jwt.InvalidTokenError` (or one of its subclasses) for anything else:

- only ES256 is accepted: not `alg: none`, and not an HS256 token MACed with the public key;
- `iss` must be `ISSUER` and `aud` must be `AUDIENCE`;
- `exp`, `iat` and `sub` must be present: a token without `exp` is refused, not trusted forever;
- expired tokens are refused, with 30 seconds of leeway for clock skew.

Careful: PyJWT raises `jwt.InvalidKeyError`, which is NOT an `InvalidTokenError`, when a key
does not fit an algorithm you allowed. A tight allow-list never gets there.
"""

from __future__ import annotations

from typing import Any

ISSUER = "https://auth.library.test"
AUDIENCE = "library-api"


def verify_access_token(token: str, public_key_pem: bytes) -> dict[str, Any]:
    """The claims of a genuine ES256 access token; jwt.InvalidTokenError for anything else."""
    raise NotImplementedError("write verify_access_token")
