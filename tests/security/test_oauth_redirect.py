"""Mirrors snippets/security/oauth_redirect.py: prefix matching leaks the code, exact does not."""

from __future__ import annotations

import pytest

from snippets.security.oauth_app.models import redirect_allowed, redirect_allowed_prefix_vulnerable
from snippets.security.oauth_redirect import attack

REGISTERED = ["https://shelf.example/callback"]


def test_prefix_matching_sends_the_code_to_the_attacker() -> None:
    outcome = attack(redirect_allowed_prefix_vulnerable)
    assert outcome.provider_status == 302
    assert outcome.stolen_books == ["Kindred", "Dune"]


def test_exact_matching_refuses_the_crafted_uri() -> None:
    outcome = attack(redirect_allowed)
    assert outcome.provider_status == 400 and outcome.stolen_books is None


@pytest.mark.parametrize("requested", [
    "https://shelf.example@attacker.example/steal",
    "https://shelf.example.attacker.example/callback",
    "https://shelf.example/callback/../open-redirect?to=https://attacker.example",
    "https://shelf.example/callback?next=https://attacker.example",
    "https://shelf.example/Callback",
    "http://shelf.example/callback",
])
def test_exact_match_refuses_near_misses(requested: str) -> None:
    assert not redirect_allowed(REGISTERED, requested)


def test_exact_match_accepts_the_registered_uri_and_prefix_accepts_too_much() -> None:
    assert redirect_allowed(REGISTERED, REGISTERED[0])
    assert redirect_allowed_prefix_vulnerable(REGISTERED, "https://shelf.example@attacker.example/")
