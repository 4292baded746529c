"""Typed settings for the library API, read from environment variables (twelve-factor, III)."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

ENVIRONMENTS = ("development", "production")
LOG_LEVELS = ("debug", "info", "warning", "error")


# --8<-- [start:secret]
class Secret:
    """A value that never shows itself in repr(), str(), logs or tracebacks."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The real value: call this only where it is used (a DB driver, a signer)."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__
# --8<-- [end:secret]


class ConfigError(Exception):
    """The environment does not hold a valid configuration; `problems` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid configuration:\n  - " + "\n  - ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Settings:
    """Everything that varies between deploys of the library API, typed."""

    app_env: str
    port: int
    log_level: str
    database_url: Secret
    secret_key: Secret
    blob_bucket: str
    allowed_origins: tuple[str, ...]

    def describe(self) -> str:
        """One line safe for a log: secrets masked, credentials cut out of URLs."""
        return (f"env={self.app_env} log_level={self.log_level} "
                f"database={redact_url(self.database_url.reveal())} secret_key=*** "
                f"bucket={self.blob_bucket} origins={','.join(self.allowed_origins) or '-'}")


def redact_url(url: str) -> str:
    """`postgresql://user:pw@host/db` -> `postgresql://user:***@host/db`."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


# --8<-- [start:defaults]
DEV_DEFAULTS = {  # fine on a laptop, refused in production
    "DATABASE_URL": lambda: "sqlite:///library-dev.db",
    "SECRET_KEY": lambda: secrets.token_urlsafe(32),  # throwaway: a new one per start
    "BLOB_BUCKET": lambda: "library-dev",
}
REQUIRED_IN_PRODUCTION = tuple(DEV_DEFAULTS)
# --8<-- [end:defaults]


# --8<-- [start:load]
def load_settings(env: Mapping[str, str]) -> Settings:
    """Read and check every setting; raise one ConfigError that lists all problems."""
    problems: list[str] = []

    def choice(name: str, default: str, allowed: tuple[str, ...]) -> str:
        value = env.get(name, default).strip().lower()
        if value not in allowed:
            problems.append(f"{name}: {value!r} is not one of {', '.join(allowed)}")
        return value

    def integer(name: str, default: int, low: int, high: int) -> int:
        raw = env.get(name, str(default)).strip()
        if not raw.isdigit() or not low <= int(raw) <= high:
            problems.append(f"{name}: {raw!r} is not a whole number from {low} to {high}")
            return default
        return int(raw)

    app_env = choice("APP_ENV", "development", ENVIRONMENTS)
    port = integer("PORT", 8000, 1, 65535)
    log_level = choice("LOG_LEVEL", "info", LOG_LEVELS)
    production = app_env == "production"
    missing = [name for name in REQUIRED_IN_PRODUCTION if not env.get(name)]
    if production and missing:  # [mark:refuse]
        problems.append(f"APP_ENV=production needs {', '.join(missing)} (no defaults there)")

    def text(name: str) -> str:
        return env.get(name) or ("" if production else DEV_DEFAULTS[name]())

    secret_key = text("SECRET_KEY")
    if production and secret_key and len(secret_key) < 32:
        problems.append(f"SECRET_KEY: needs 32 characters or more, got {len(secret_key)}")
    settings = Settings(
        app_env=app_env,
        port=port,
        log_level=log_level,
        database_url=Secret(text("DATABASE_URL")),
        secret_key=Secret(secret_key),
        blob_bucket=text("BLOB_BUCKET"),
        allowed_origins=tuple(o.strip() for o in env.get("ALLOWED_ORIGINS", "").split(",")
                              if o.strip()),
    )
    if problems:
        raise ConfigError(problems)
    return settings
# --8<-- [end:load]
