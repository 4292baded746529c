"""Rotate signing keys with `kid` and a JWK Set: overlap, retirement, and unknown key ids."""

from __future__ import annotations

import json
import time
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from snippets.security.jwt_kit import AUDIENCE, ISSUER, assemble, ec_key, outcome


class UnknownKeyError(jwt.InvalidTokenError):
    """The token names a `kid` that the current JWK Set does not contain."""


# --8<-- [start:issuer]
class Issuer:
    """The auth server: several ES256 keys by `kid`, one of them current for signing."""

    def __init__(self, kid: str) -> None:
        self.keys: dict[str, ec.EllipticCurvePrivateKey] = {kid: ec_key()}
        self.current = kid

    def rotate(self, new_kid: str) -> None:
        """Sign with a new key from now on; the old one stays published for a while."""
        self.keys[new_kid] = ec_key()
        self.current = new_kid

    def retire(self, kid: str) -> None:
        """Stop publishing a key: tokens it signed stop verifying."""
        del self.keys[kid]

    def sign(self, claims: dict[str, Any]) -> str:
        """Sign with the current key and name it in the header."""
        return jwt.encode(claims, self.keys[self.current], algorithm="ES256",
                          headers={"kid": self.current})  # [mark:kid]

    def jwks(self) -> dict[str, Any]:
        """The public JWK Set (RFC 7517 §5), what /.well-known/jwks.json would serve."""
        keys = []
        for kid, private in self.keys.items():
            jwk = ECAlgorithm.to_jwk(private.public_key(), as_dict=True)  # public half only
            keys.append({**jwk, "kid": kid, "use": "sig", "alg": "ES256"})
        return {"keys": keys}
# --8<-- [end:issuer]


# --8<-- [start:verify]
def verify(token: str, jwks: dict[str, Any]) -> dict[str, Any]:
    """Pick the key by `kid` from a JWK Set we trust, then verify with ES256 only."""
    kid = jwt.get_unverified_header(token).get("kid")      # a hint, not a trusted value
    try:
        key = jwt.PyJWKSet.from_dict(jwks)[kid]            # a lookup, never a path or URL
    except KeyError:
        raise UnknownKeyError(f"no published key has kid {kid!r}") from None  # [mark:unknown]
    return jwt.decode(token, key, algorithms=["ES256"], audience=AUDIENCE, issuer=ISSUER)
# --8<-- [end:verify]


def claims(subject: str) -> dict[str, Any]:
    """The claims of an access token for `subject`, valid for an hour."""
    now = int(time.time())
    return {"iss": ISSUER, "aud": AUDIENCE, "sub": subject, "iat": now, "exp": now + 3600}


def main() -> None:
    """Sign, rotate, verify old and new tokens during the overlap, retire, and probe kids."""
    # --8<-- [start:rotate]
    auth = Issuer("2026-01")
    old_token = auth.sign(claims("ada"))
    print("published kids:", [k["kid"] for k in auth.jwks()["keys"]])
    print("  old token:", outcome(verify, old_token, auth.jwks()))

    auth.rotate("2026-04")                       # step 1: new key signs, old key still published
    new_token = auth.sign(claims("grace"))
    print("after rotation, published kids:", [k["kid"] for k in auth.jwks()["keys"]])
    print("  old token:", outcome(verify, old_token, auth.jwks()))
    print("  new token:", outcome(verify, new_token, auth.jwks()))

    auth.retire("2026-01")                       # step 2: once old tokens have expired
    print("after retirement, published kids:", [k["kid"] for k in auth.jwks()["keys"]])
    print("  old token:", outcome(verify, old_token, auth.jwks()))
    print("  new token:", outcome(verify, new_token, auth.jwks()))
    # --8<-- [end:rotate]
    # --8<-- [start:probe]
    mallory = ec_key()                           # an attacker's own key pair
    forged = {
        "kid '../../keys/dev.pem'": jwt.encode(claims("mallory"), mallory, algorithm="ES256",
                                               headers={"kid": "../../keys/dev.pem"}),
        "kid '2026-04', Mallory's key": jwt.encode(claims("mallory"), mallory, algorithm="ES256",
                                                  headers={"kid": "2026-04"}),
        "kid '2026-04', alg none": assemble({"alg": "none", "kid": "2026-04"}, claims("mallory")),
    }
    for name, token in forged.items():
        print(f"{name:29} {outcome(verify, token, auth.jwks())}")
    # --8<-- [end:probe]
    # --8<-- [start:jwks]
    published = auth.jwks()["keys"][0]
    shape = {name: (value if len(value) < 12 else f"<{len(value)} chars>")
             for name, value in published.items()}
    print("one published key:", json.dumps(shape))
    print("private part 'd' published:", "d" in published)
    # --8<-- [end:jwks]


if __name__ == "__main__":
    main()
