"""Mirrors snippets/security/hygiene_settings.py: no key, no start; a key never prints."""

from __future__ import annotations

import secrets

import pytest

from snippets.security.hygiene_settings import (
    ConfigError,
    forged_cookie_accepted,
    load_settings,
    load_settings_vulnerable,
)


def test_the_vulnerable_loader_starts_with_a_known_key_and_accepts_forgeries() -> None:
    settings = load_settings_vulnerable({})
    assert forged_cookie_accepted(settings["session_key"])
    assert "dev-key-change-me" in str(settings)


@pytest.mark.parametrize("env", [{}, {"LIBRARY_SESSION_KEY": ""},
                                 {"LIBRARY_SESSION_KEY": "short"}])
def test_the_loader_refuses_to_start(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        load_settings(env)


def test_the_secret_never_shows() -> None:
    key = secrets.token_urlsafe(32)
    settings = load_settings({"LIBRARY_SESSION_KEY": key})
    for text in (str(settings), repr(settings), f"{settings.session_key}",
                 str(vars(settings)), repr([settings])):
        assert key not in text
    assert settings.session_key.reveal() == key
    assert not forged_cookie_accepted(key)
