"""Secrets from the environment: a settings loader that refuses to start without one.

The vulnerable loader falls back to a key written in the code, so anyone who has read the
code can forge a session cookie that the app accepts.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field

from itsdangerous import BadSignature, URLSafeSerializer

VULNERABLE = ("load_settings_vulnerable",)


def load_settings_vulnerable(env: Mapping[str, str]) -> dict[str, str]:
    """DELIBERATELY VULNERABLE: a default key in the code, and a plain dict that prints it."""
    return {
        "database_url": env.get("LIBRARY_DATABASE_URL", "sqlite:///library.db"),
        "session_key": env.get("LIBRARY_SESSION_KEY", "dev-key-change-me"),  # [mark:default]
    }


# --8<-- [start:secret]
@dataclass(frozen=True)
class Secret:
    """A string that never shows itself in print, repr, f-strings or tracebacks."""

    _value: str = field(repr=False)

    def reveal(self) -> str:
        """The real value: call this only where the secret is used."""
        return self._value

    def __str__(self) -> str:
        return "********"

    def __repr__(self) -> str:
        return "Secret('********')"
# --8<-- [end:secret]


# --8<-- [start:loader]
class ConfigError(RuntimeError):
    """The settings are incomplete: the app must not start."""


@dataclass(frozen=True)
class Settings:
    """What the library app needs to run."""

    database_url: str
    session_key: Secret


def load_settings(env: Mapping[str, str] = os.environ) -> Settings:
    """Read the settings from the environment; refuse to start without a strong session key."""
    key = env.get("LIBRARY_SESSION_KEY", "")
    if not key:
        raise ConfigError("LIBRARY_SESSION_KEY is not set: refusing to start")  # [mark:refuse]
    if len(key) < 32:
        raise ConfigError(f"LIBRARY_SESSION_KEY is {len(key)} characters; 32 or more needed")
    return Settings(
        database_url=env.get("LIBRARY_DATABASE_URL", "sqlite:///library.db"),
        session_key=Secret(key),
    )
# --8<-- [end:loader]


def forged_cookie_accepted(key: str) -> bool:
    """Does an app signing sessions with `key` accept a cookie signed with the code's default?"""
    forged = URLSafeSerializer("dev-key-change-me").dumps({"member": "ada", "role": "librarian"})
    try:
        URLSafeSerializer(key).loads(forged)
    except BadSignature:
        return False
    return True


def main() -> None:
    """Start both loaders without a key, then with one, and try a forged cookie."""
    # --8<-- [start:demo]
    no_key: dict[str, str] = {}  # a deployment where someone forgot the variable
    loose = load_settings_vulnerable(no_key)
    print("vulnerable, no key: started with", loose)  # [mark:leak]
    print("  forged librarian cookie accepted:", forged_cookie_accepted(loose["session_key"]))
    try:
        load_settings(no_key)
    except ConfigError as error:
        print("fixed, no key: ConfigError:", error)

    env = {"LIBRARY_SESSION_KEY": secrets.token_urlsafe(32)}  # what a vault would inject
    settings = load_settings(env)
    print("fixed, with key:", settings)
    print(f"  in an f-string: {settings.session_key}; really "
          f"{len(settings.session_key.reveal())} url-safe characters")
    print("  forged librarian cookie accepted:",
          forged_cookie_accepted(settings.session_key.reveal()))
    # --8<-- [end:demo]


if __name__ == "__main__":
    main()
