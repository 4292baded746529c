"""Mirrors snippets/security/jwt_alg_attacks.py: both attacks fool the vulnerable verifier only."""

from __future__ import annotations

import jwt
import pytest
from cryptography.exceptions import InvalidSignature

from snippets.security import jwt_alg_attacks as attacks
from snippets.security.jwt_kit import public_pem, rsa_key

SERVER_KEY = rsa_key()
PUBLISHED = public_pem(SERVER_KEY)


def forged_tokens() -> dict[str, str]:
    return {"none": attacks.forge_none(attacks.ATTACKER_CLAIMS),
            "confused": attacks.forge_confused(attacks.ATTACKER_CLAIMS, PUBLISHED)}


def test_module_declares_its_vulnerable_code() -> None:
    assert attacks.VULNERABLE == ("verify_vulnerable",)


@pytest.mark.parametrize("kind", ["none", "confused"])
def test_attack_works_on_the_vulnerable_verifier(kind: str) -> None:
    claims = attacks.verify_vulnerable(forged_tokens()[kind], PUBLISHED)
    assert claims == {"sub": "mallory", "role": "admin"}


@pytest.mark.parametrize("kind", ["none", "confused"])
def test_attack_fails_on_the_fixed_verifier(kind: str) -> None:
    with pytest.raises(jwt.InvalidAlgorithmError):
        attacks.verify(forged_tokens()[kind], PUBLISHED)


def test_honest_token_passes_both() -> None:
    token = jwt.encode({"sub": "ada"}, SERVER_KEY, algorithm="RS256")
    assert attacks.verify_vulnerable(token, PUBLISHED)["sub"] == "ada"
    assert attacks.verify(token, PUBLISHED)["sub"] == "ada"


def test_vulnerable_verifier_still_checks_real_signatures() -> None:
    """It is not broken everywhere: a wrong RS256 signature fails; the header is the hole."""
    token = jwt.encode({"sub": "ada"}, rsa_key(), algorithm="RS256")
    with pytest.raises(InvalidSignature):
        attacks.verify_vulnerable(token, PUBLISHED)


def test_pyjwt_refuses_a_pem_as_hmac_secret_even_when_both_are_allowed() -> None:
    with pytest.raises(jwt.InvalidKeyError):
        jwt.decode(forged_tokens()["confused"], PUBLISHED, algorithms=["RS256", "HS256"])
