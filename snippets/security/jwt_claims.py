"""The claims exp, nbf, aud and iss, each refusing a bad token, and leeway for clock skew."""

from __future__ import annotations

import time
from typing import Any

import jwt

from snippets.security.jwt_kit import AUDIENCE, ISSUER, hmac_secret, outcome

REQUIRED = ["exp", "iat", "iss", "aud", "sub"]
"""Claims a library token must carry: a token without `exp` would never expire."""


# --8<-- [start:verify]
def verify(token: str, key: bytes, *, leeway: int = 0) -> dict[str, Any]:
    """Check signature, algorithm, expiry, not-before, audience and issuer in one call."""
    return jwt.decode(
        token, key, algorithms=["HS256"],
        audience=AUDIENCE,            # aud must name this API  [mark:aud]
        issuer=ISSUER,                # iss must be our auth server  [mark:iss]
        leeway=leeway,                # seconds of clock skew forgiven on exp, nbf and iat
        options={"require": REQUIRED},  # a missing claim is an error, not a pass  [mark:require]
    )
# --8<-- [end:verify]


def make(key: bytes, **changes: Any) -> str:
    """A token valid for 5 minutes from now, with some claims changed (None removes one)."""
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": "ada", "aud": AUDIENCE, "iat": now, "exp": now + 300}
    for name, value in changes.items():
        claims[name] = value
    return jwt.encode({k: v for k, v in claims.items() if v is not None}, key, algorithm="HS256")


def main() -> None:
    """Run one verifier over tokens that are fine, expired, early, misdirected or incomplete."""
    key = hmac_secret()
    now = int(time.time())
    # --8<-- [start:cases]
    cases = {
        "a fresh token": make(key),
        "expired 10 s ago": make(key, iat=now - 310, exp=now - 10),
        "not valid for 60 s (nbf)": make(key, nbf=now + 60),
        "for another API (aud)": make(key, aud="billing-api"),
        "from another issuer (iss)": make(key, iss="https://evil.example"),
        "with no exp at all": make(key, exp=None),
    }
    for name, token in cases.items():
        print(f"{name:26} {outcome(verify, token, key)}")
    # --8<-- [end:cases]
    # --8<-- [start:leeway]
    print("\nwith leeway=30 (the issuer's clock may run a little ahead or behind ours):")
    skewed = {
        "expired 10 s ago": cases["expired 10 s ago"],
        "nbf 10 s in the future": make(key, nbf=now + 10),
        "expired 10 minutes ago": make(key, iat=now - 900, exp=now - 600),
    }
    for name, token in skewed.items():
        print(f"{name:26} {outcome(verify, token, key, leeway=30)}")
    # --8<-- [end:leeway]
    # --8<-- [start:forgot]
    print("\na verifier that forgot issuer= (PyJWT checks iss only when you name one):")
    forged_issuer = cases["from another issuer (iss)"]
    print(f"{'from another issuer (iss)':26}",
          outcome(jwt.decode, forged_issuer, key, algorithms=["HS256"], audience=AUDIENCE))
    # --8<-- [end:forgot]


if __name__ == "__main__":
    main()
