"""Mirrors snippets/security/oauth_pkce.py: a stolen code works without PKCE, not with it."""

from __future__ import annotations

from snippets.security.oauth_app.provider import (
    register_code_grant,
    register_code_grant_vulnerable,
)
from snippets.security.oauth_pkce import scenario


def test_stolen_code_is_redeemed_without_pkce() -> None:
    outcome = scenario(register_code_grant_vulnerable, use_pkce=False)
    assert outcome.thief_status == 200
    assert outcome.thief_books == ["Kindred", "Dune"]  # Ada's data
    assert outcome.app_status == 400  # the thief used the code up first


def test_stolen_code_is_refused_with_pkce() -> None:
    outcome = scenario(register_code_grant, use_pkce=True)
    assert outcome.thief_status == 400 and outcome.thief_books is None
    assert outcome.app_status == 200  # the real app, holding the verifier, still gets in


def test_the_fixed_provider_refuses_a_public_client_that_skips_pkce() -> None:
    outcome = scenario(register_code_grant, use_pkce=False)
    assert outcome.thief_status == 400 and outcome.app_status == 400
