"""Hidden checks for the oauth_pkce_pair exercise."""

from __future__ import annotations

import re
from types import ModuleType

RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"  # RFC 7636 Appendix B
RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def expect(condition: object, message: str) -> None:
    """Fail the check with `message` unless `condition` holds (works under python -O too)."""
    if not condition:
        raise AssertionError(message)


def check_verifier_shape(module: ModuleType) -> None:
    """A verifier has 43-128 characters from A-Z a-z 0-9 - . _ ~."""
    for _ in range(20):
        verifier = module.make_code_verifier()
        expect(isinstance(verifier, str), f"make_code_verifier returned {verifier!r}")
        expect(re.fullmatch(r"[A-Za-z0-9\-._~]{43,128}", verifier),
               f"{verifier!r}: RFC 7636 §4.1 wants 43-128 unreserved characters")


def check_verifiers_are_fresh(module: ModuleType) -> None:
    """Fifty verifiers are fifty different values."""
    made = {module.make_code_verifier() for _ in range(50)}
    expect(len(made) == 50, "make_code_verifier repeats itself: use secrets, once per login")


def check_rfc_example(module: ModuleType) -> None:
    """The example of RFC 7636 Appendix B gives the published challenge."""
    got = module.s256_challenge(RFC_VERIFIER)
    expect(got == RFC_CHALLENGE,
           f"s256_challenge({RFC_VERIFIER!r}) gave {got!r}, expected {RFC_CHALLENGE!r} "
           "(base64url, no '=' padding)")


def check_accepts_the_right_verifier(module: ModuleType) -> None:
    """verify_pkce accepts a verifier with its own S256 challenge."""
    expect(module.verify_pkce(RFC_VERIFIER, RFC_CHALLENGE, "S256") is True,
           "the RFC 7636 Appendix B pair should verify")
    verifier = module.make_code_verifier()
    expect(module.verify_pkce(verifier, module.s256_challenge(verifier), "S256") is True,
           "a fresh verifier should verify against its own challenge")


def check_refuses_wrong_verifier(module: ModuleType) -> None:
    """verify_pkce refuses a different verifier (a thief's guess) and an empty one."""
    other = module.make_code_verifier()
    expect(module.verify_pkce(other, RFC_CHALLENGE, "S256") is False, "a guess was accepted")
    expect(module.verify_pkce("", RFC_CHALLENGE, "S256") is False, "an empty verifier passed")


def check_refuses_plain_and_bad_shapes(module: ModuleType) -> None:
    """verify_pkce refuses the plain method and verifiers of the wrong length or alphabet."""
    expect(module.verify_pkce(RFC_VERIFIER, RFC_VERIFIER, "plain") is False,
           "method 'plain' should be refused: it sends the verifier itself in the request")
    short = "a" * 42
    expect(module.verify_pkce(short, module.s256_challenge(short), "S256") is False,
           "a 42-character verifier is too short (§4.1)")
    bad = "a" * 42 + "!"
    expect(module.verify_pkce(bad, module.s256_challenge(bad), "S256") is False,
           "'!' is not an unreserved character")
