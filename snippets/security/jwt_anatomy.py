"""Take a JWT apart with the standard library: anyone can read it; its signature shows tampering."""

from __future__ import annotations

import hashlib
import hmac
import json

import jwt

from snippets.security.jwt_kit import b64url_decode, b64url_encode, hmac_secret, outcome


def issue(key: bytes) -> str:
    """The server's side: sign a few claims about Ada with HS256."""
    claims = {"sub": "ada", "name": "Ada Lovelace", "email": "ada@example.org", "role": "member"}
    return jwt.encode(claims, key, algorithm="HS256")


# --8<-- [start:by-hand]
def decode_by_hand(token: str) -> tuple[dict[str, object], dict[str, object], bytes]:
    """Split on the dots and base64url-decode each part. No key is involved."""
    header_b64, claims_b64, signature_b64 = token.split(".")  # [mark:split]
    header = json.loads(b64url_decode(header_b64))
    claims = json.loads(b64url_decode(claims_b64))
    return header, claims, b64url_decode(signature_b64)


def signature_ok(token: str, key: bytes) -> bool:
    """HS256 by hand: HMAC-SHA256 over 'header.claims', compared in constant time."""
    signing_input, _, signature_b64 = token.rpartition(".")
    expected = hmac.new(key, signing_input.encode("ascii"), hashlib.sha256).digest()
    return hmac.compare_digest(expected, b64url_decode(signature_b64))  # [mark:compare]
# --8<-- [end:by-hand]


def main() -> None:
    """Issue a token, read it without the key, check its signature, then tamper with it."""
    key = hmac_secret()
    token = issue(key)
    # --8<-- [start:read]
    header_b64, claims_b64, signature_b64 = token.split(".")
    print(f"token: {len(token)} characters in 3 parts separated by dots")
    print(f"  header    {header_b64}")
    print(f"  claims    {claims_b64}")
    print(f"  signature {len(signature_b64)} characters (differs every run: the key is new)")
    header, claims, signature = decode_by_hand(token)
    print("decoded without any key:")
    print("  header:   ", json.dumps(header))
    print("  claims:   ", json.dumps(claims))
    print("  signature:", len(signature), "bytes = the output size of HMAC-SHA256")
    # --8<-- [end:read]
    # --8<-- [start:tamper]
    print("signature checks out by hand:", signature_ok(token, key))
    forged_claims = {**claims, "role": "admin"}
    forged_b64 = b64url_encode(json.dumps(forged_claims, separators=(",", ":")).encode())
    forged = f"{header_b64}.{forged_b64}.{signature_b64}"  # [mark:reuse]
    print("role changed to admin, old signature kept:")
    print("  by hand:", signature_ok(forged, key))
    print("  PyJWT:  ", outcome(jwt.decode, forged, key, algorithms=["HS256"]))
    print("  PyJWT on the original:", outcome(jwt.decode, token, key, algorithms=["HS256"]))
    # --8<-- [end:tamper]


if __name__ == "__main__":
    main()
