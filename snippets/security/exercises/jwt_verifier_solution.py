"""Reference solution: one algorithm, named issuer and audience, required claims, small leeway."""

from __future__ import annotations

from typing import Any

import jwt

ISSUER = "https://auth.library.test"
AUDIENCE = "library-api"


def verify_access_token(token: str, public_key_pem: bytes) -> dict[str, Any]:
    """The claims of a genuine ES256 access token; jwt.InvalidTokenError for anything else."""
    return jwt.decode(
        token,
        public_key_pem,
        algorithms=["ES256"],
        issuer=ISSUER,
        audience=AUDIENCE,
        leeway=30,
        options={"require": ["exp", "iat", "sub"]},
    )
