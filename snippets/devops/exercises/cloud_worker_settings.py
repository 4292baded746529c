"""Settings for the import worker, from the environment.

The CSV import from the page also runs as a queue worker. Write
`load_worker_settings(env)`, which reads a mapping of environment variables and returns a
`WorkerSettings`:

- `APP_ENV`: `development` (the default) or `production`; anything else is a problem.
- `QUEUE_URL`: the queue to read; in development it defaults to `memory://imports`,
  in production it is required.
- `BATCH_SIZE`: a whole number from 1 to 10, default 10.
- `API_TOKEN`: the token for the library API, kept in a `Secret`; in development it
  defaults to a new random token on every load (`secrets.token_urlsafe()`), in
  production it is required.

Check everything before failing: raise one `ConfigError(problems)` whose list names every
problem, each mentioning the variable's name. Never put the value of `API_TOKEN` in a
message, in `repr()` or in `str()` of the settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from snippets.devops.cloud_kit.settings import ConfigError, Secret

__all__ = ["ConfigError", "Secret", "WorkerSettings", "load_worker_settings"]


@dataclass(frozen=True)
class WorkerSettings:
    """What the worker needs to run."""

    app_env: str
    queue_url: str
    batch_size: int
    api_token: Secret


def load_worker_settings(env: Mapping[str, str]) -> WorkerSettings:
    """Typed worker settings from `env`, or one ConfigError listing every problem."""
    raise NotImplementedError("write load_worker_settings")
