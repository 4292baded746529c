"""Reference solution: worker settings with defaults in development and checks in production."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from snippets.devops.cloud_kit.settings import ConfigError, Secret

__all__ = ["ConfigError", "Secret", "WorkerSettings", "load_worker_settings"]

DEV_DEFAULTS = {"QUEUE_URL": lambda: "memory://imports", "API_TOKEN": secrets.token_urlsafe}


@dataclass(frozen=True)
class WorkerSettings:
    """What the worker needs to run."""

    app_env: str
    queue_url: str
    batch_size: int
    api_token: Secret


def load_worker_settings(env: Mapping[str, str]) -> WorkerSettings:
    """Typed worker settings from `env`, or one ConfigError listing every problem."""
    problems: list[str] = []
    app_env = env.get("APP_ENV", "development").strip().lower()
    if app_env not in ("development", "production"):
        problems.append(f"APP_ENV: {app_env!r} is not development or production")
    production = app_env == "production"
    values = {}
    for name, default in DEV_DEFAULTS.items():
        values[name] = env.get(name) or ("" if production else default())
        if not values[name]:
            problems.append(f"{name}: required when APP_ENV=production")
    raw = env.get("BATCH_SIZE", "10").strip()
    batch_size = int(raw) if raw.isdigit() else 0
    if not 1 <= batch_size <= 10:
        problems.append(f"BATCH_SIZE: {raw!r} is not a whole number from 1 to 10")
    if problems:
        raise ConfigError(problems)
    return WorkerSettings(app_env, values["QUEUE_URL"], batch_size, Secret(values["API_TOKEN"]))
