"""The `alg: none` and algorithm-confusion attacks: they fool a verifier that trusts the header.

This module contains one DELIBERATELY VULNERABLE function, `verify_vulnerable`, kept to show
both attacks working. It only ever sees tokens and keys made in memory by this snippet.
Never copy it: verify with `verify`, which fixes the algorithm on the server.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import jwt
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from snippets.security.jwt_kit import assemble, outcome, public_pem, read_unverified, rsa_key

VULNERABLE = ("verify_vulnerable",)

ATTACKER_CLAIMS = {"sub": "mallory", "role": "admin"}
"""What the attacker wants the API to believe."""


# --8<-- [start:vulnerable]
def verify_vulnerable(token: str, key: bytes) -> dict[str, Any]:
    """DELIBERATELY VULNERABLE: lets the token's own header choose how it is checked."""
    header, claims, signature = read_unverified(token)
    signing_input = token.rpartition(".")[0].encode("ascii")
    alg = header["alg"]                                   # attacker-controlled  [mark:trust]
    if alg == "none":                                     # "no signature needed"  [mark:none]
        return claims
    if alg == "HS256":                                    # key bytes used as an HMAC secret
        expected = hmac.new(key, signing_input, hashlib.sha256).digest()  # [mark:confused]
        if not hmac.compare_digest(expected, signature):
            raise jwt.InvalidSignatureError("bad HMAC")
        return claims
    if alg == "RS256":                                    # the one the server meant to use
        public_key = serialization.load_pem_public_key(key)
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise jwt.InvalidKeyError("not an RSA key")
        public_key.verify(signature, signing_input, padding.PKCS1v15(), hashes.SHA256())
        return claims
    raise jwt.InvalidAlgorithmError(alg)
# --8<-- [end:vulnerable]


# --8<-- [start:fixed]
def verify(token: str, public_key_pem: bytes) -> dict[str, Any]:
    """The fix: the server, not the token, decides the algorithm. Only RS256 is accepted."""
    return jwt.decode(token, public_key_pem, algorithms=["RS256"])  # [mark:allow]
# --8<-- [end:fixed]


# --8<-- [start:forge]
def forge_none(claims: dict[str, Any]) -> str:
    """Attack 1: say `alg: none` and send an empty signature."""
    return assemble({"alg": "none", "typ": "JWT"}, claims)


def forge_confused(claims: dict[str, Any], public_key_pem: bytes) -> str:
    """Attack 2: say `alg: HS256` and MAC the token with the server's PUBLIC key as the secret."""
    return assemble({"alg": "HS256", "typ": "JWT"}, claims,
                    lambda data: hmac.new(public_key_pem, data, hashlib.sha256).digest())
# --8<-- [end:forge]


def main() -> None:
    """Forge two admin tokens with public information only, and try both verifiers."""
    # --8<-- [start:attack]
    server_key = rsa_key()                     # the private key never leaves the server
    published = public_pem(server_key)         # the public key is, by design, public
    honest = jwt.encode({"sub": "ada", "role": "member"}, server_key, algorithm="RS256")
    attacks = {
        "honest RS256 token": honest,
        "alg none": forge_none(ATTACKER_CLAIMS),
        "HS256 with public key": forge_confused(ATTACKER_CLAIMS, published),
    }
    for name, token in attacks.items():
        print(f"{name}:")
        print(f"  vulnerable  {outcome(verify_vulnerable, token, published)}")
        print(f"  fixed       {outcome(verify, token, published)}")
    # --8<-- [end:attack]
    # --8<-- [start:mixed]
    confused = attacks["HS256 with public key"]
    print("PyJWT told to allow both RS256 and HS256 with the same key:")
    print("  ", outcome(jwt.decode, confused, published, algorithms=["RS256", "HS256"]))
    # --8<-- [end:mixed]


if __name__ == "__main__":
    main()
