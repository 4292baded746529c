"""Helpers shared by the JWT snippets: base64url, fresh keys, hand-built tokens, outcomes.

Every key here is generated at run time and lives only in memory; nothing is read from or
written to disk.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

ISSUER = "https://auth.library.test"
"""Who signs the library's tokens (the `iss` claim)."""

AUDIENCE = "library-api"
"""Who the library's access tokens are for (the `aud` claim)."""


# --8<-- [start:b64url]
def b64url_encode(data: bytes) -> str:
    """Base64url without padding, as JWS uses it (RFC 7515 §2)."""
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def b64url_decode(text: str) -> bytes:
    """Undo `b64url_encode`: put the stripped `=` padding back, then decode."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
# --8<-- [end:b64url]


def read_unverified(token: str) -> tuple[dict[str, Any], dict[str, Any], bytes]:
    """Split a compact JWS into header, claims and signature bytes. Checks NOTHING."""
    header_b64, claims_b64, signature_b64 = token.split(".")
    header = json.loads(b64url_decode(header_b64))
    claims = json.loads(b64url_decode(claims_b64))
    return header, claims, b64url_decode(signature_b64)


def assemble(header: dict[str, Any], claims: dict[str, Any],
             sign: Callable[[bytes], bytes] | None = None) -> str:
    """Build a compact token by hand, as an attacker would: header.claims.signature."""
    def part(obj: dict[str, Any]) -> str:
        return b64url_encode(json.dumps(obj, separators=(",", ":")).encode())

    signing_input = f"{part(header)}.{part(claims)}"
    signature = sign(signing_input.encode("ascii")) if sign else b""
    return f"{signing_input}.{b64url_encode(signature)}"


def hmac_secret() -> bytes:
    """A fresh 256-bit HS256 secret from the OS's CSPRNG (RFC 7518 §3.2's minimum size)."""
    return secrets.token_bytes(32)


def ec_key() -> ec.EllipticCurvePrivateKey:
    """A fresh P-256 key pair for ES256."""
    return ec.generate_private_key(ec.SECP256R1())


def rsa_key() -> rsa.RSAPrivateKey:
    """A fresh 2048-bit RSA key pair for RS256 (RFC 7518 §3.3's minimum size)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_pem(private_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey) -> bytes:
    """The public half of a key pair, as the PEM text a server would publish."""
    return private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def outcome(verify: Callable[..., dict[str, Any]], *args: Any, **kwargs: Any) -> str:
    """Call `verify(*args, **kwargs)` and say what happened: who it let in, or the exception."""
    try:
        claims = verify(*args, **kwargs)
    except Exception as error:  # the exception IS the result we show
        return f"rejected: {type(error).__name__}: {error}"
    return f"ACCEPTED: {claims.get('sub')!r}" + (f" as {claims['role']!r}"
                                                   if "role" in claims else "")
