"""Write both halves of PKCE.

PKCE (RFC 7636) binds an authorization code to the app that asked for it. Write:

- `make_code_verifier()`: a fresh, unguessable code_verifier: 43 to 128 characters, each
  one of `A-Z a-z 0-9 - . _ ~` (RFC 7636 §4.1). Use the `secrets` module.
- `s256_challenge(verifier)`: the S256 code_challenge, BASE64URL(SHA256(ASCII(verifier)))
  with no `=` padding (RFC 7636 §4.2).
- `verify_pkce(verifier, challenge, method)`: the provider's check at the token endpoint
  (§4.6). Return True only when `method` is "S256", the verifier has the right length and
  characters, and its S256 challenge equals `challenge`. Refuse "plain" and anything else:
  this provider follows RFC 9700 and accepts S256 only. Compare in constant time.
"""

from __future__ import annotations


def make_code_verifier() -> str:
    """A new random code_verifier (43-128 unreserved characters)."""
    raise NotImplementedError("write make_code_verifier")


def s256_challenge(verifier: str) -> str:
    """BASE64URL(SHA256(ASCII(verifier))), without padding."""
    raise NotImplementedError("write s256_challenge")


def verify_pkce(verifier: str, challenge: str, method: str) -> bool:
    """Does `verifier` prove possession for this S256 `challenge`?"""
    raise NotImplementedError("write verify_pkce")
