"""Sign and verify with PyJWT: HS256 with a shared secret, ES256 and RS256 with key pairs."""

from __future__ import annotations

import secrets
import time
from typing import Any

import jwt

from snippets.security.jwt_kit import (
    AUDIENCE,
    ISSUER,
    ec_key,
    hmac_secret,
    outcome,
    public_pem,
    read_unverified,
    rsa_key,
)


def access_claims(subject: str, lifetime: int = 300) -> dict[str, Any]:
    """The claims of a typical access token: who, for whom, by whom, and until when."""
    now = int(time.time())
    return {"iss": ISSUER, "sub": subject, "aud": AUDIENCE, "iat": now, "exp": now + lifetime}


# --8<-- [start:verify]
def verify(token: str, key: Any, algorithm: str) -> dict[str, Any]:
    """Verify with ONE algorithm fixed by the server, never the one the token names."""
    return jwt.decode(token, key, algorithms=[algorithm],  # [mark:allow]
                      audience=AUDIENCE, issuer=ISSUER)
# --8<-- [end:verify]


def main() -> None:
    """Sign the same claims three ways, verify each, and compare the token sizes."""
    claims = access_claims("ada")
    # --8<-- [start:sign]
    secret = hmac_secret()                  # HS256: one shared secret signs AND verifies
    ec_private, rsa_private = ec_key(), rsa_key()  # ES256 / RS256: private key signs...
    tokens = {
        "HS256": (jwt.encode(claims, secret, algorithm="HS256"), secret),
        "ES256": (jwt.encode(claims, ec_private, algorithm="ES256"), public_pem(ec_private)),
        "RS256": (jwt.encode(claims, rsa_private, algorithm="RS256"), public_pem(rsa_private)),
    }                                       # ...and only the public key verifies
    for alg, (token, verifying_key) in tokens.items():
        print(f"{alg}: {outcome(verify, token, verifying_key, alg)}")
    # --8<-- [end:sign]
    # --8<-- [start:wrong-key]
    stranger = public_pem(ec_key())         # someone else's key pair
    es256_token = tokens["ES256"][0]
    print("ES256 checked with another key:", outcome(verify, es256_token, stranger, "ES256"))
    print("HS256 checked with another secret:",
          outcome(verify, tokens["HS256"][0], hmac_secret(), "HS256"))
    # --8<-- [end:wrong-key]
    # --8<-- [start:sizes]
    print(f"\n{'alg':6} {'header.claims':>14} {'signature':>10} {'whole token':>12}")
    for alg, (token, _) in tokens.items():
        signing_input, _, signature_b64 = token.rpartition(".")
        signature = read_unverified(token)[2]
        print(f"{alg:6} {len(signing_input):>11} ch {len(signature):>4} B ="
              f" {len(signature_b64):>3} ch {len(token):>8} ch")
    print(f"an opaque session id, secrets.token_urlsafe(32): {len(secrets.token_urlsafe(32))} ch")
    # --8<-- [end:sizes]


if __name__ == "__main__":
    main()
