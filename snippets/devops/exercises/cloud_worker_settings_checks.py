"""Hidden checks for the cloud_worker_settings exercise."""

from __future__ import annotations

import secrets
from types import ModuleType

TOKEN = secrets.token_hex(12)  # a fresh token per run: nothing secret lives in the code
PROD = {"APP_ENV": "production", "QUEUE_URL": "https://queue.example/imports",
        "API_TOKEN": TOKEN}


def _problems(module: ModuleType, env: dict[str, str]) -> list[str]:
    try:
        module.load_worker_settings(env)
    except module.ConfigError as error:
        return list(error.problems)
    raise AssertionError(f"load_worker_settings({env!r}) should raise ConfigError")


def check_development_defaults(module: ModuleType) -> None:
    """With nothing set, development defaults apply, and the token is random each time."""
    settings = module.load_worker_settings({})
    got = (settings.app_env, settings.queue_url, settings.batch_size)
    assert got == ("development", "memory://imports", 10), (
        f"with an empty environment, expected development defaults, got {got}")
    tokens = {module.load_worker_settings({}).api_token.reveal() for _ in range(3)}
    assert len(tokens) == 3 and all(len(t) >= 16 for t in tokens), (
        "in development, API_TOKEN should default to a new random token on every load")


def check_production_complete(module: ModuleType) -> None:
    """A complete production environment loads, with BATCH_SIZE parsed as an int."""
    settings = module.load_worker_settings({**PROD, "BATCH_SIZE": "5"})
    assert settings.queue_url == PROD["QUEUE_URL"] and settings.batch_size == 5, (
        f"expected the queue URL and batch size 5, got {settings}")
    assert settings.api_token.reveal() == TOKEN, "api_token.reveal() must give the token back"


def check_production_requires(module: ModuleType) -> None:
    """Production without QUEUE_URL and API_TOKEN names both in one ConfigError."""
    problems = " ".join(_problems(module, {"APP_ENV": "production"}))
    for name in ("QUEUE_URL", "API_TOKEN"):
        assert name in problems, f"the problems should name {name}: {problems!r}"


def check_batch_size(module: ModuleType) -> None:
    """BATCH_SIZE outside 1..10, or not a number, is a problem naming BATCH_SIZE."""
    for raw in ("0", "11", "ten", "-3", "2.5"):
        problems = _problems(module, {"BATCH_SIZE": raw})
        assert any("BATCH_SIZE" in p for p in problems), (
            f"BATCH_SIZE={raw!r} should be refused with a message naming it: {problems!r}")


def check_app_env(module: ModuleType) -> None:
    """An unknown APP_ENV is refused."""
    problems = _problems(module, {"APP_ENV": "staging"})
    assert any("APP_ENV" in p for p in problems), f"APP_ENV=staging should be refused: {problems!r}"


def check_all_problems_at_once(module: ModuleType) -> None:
    """Several problems are reported together, not one at a time."""
    problems = _problems(module, {"APP_ENV": "production", "BATCH_SIZE": "99",
                                  "API_TOKEN": TOKEN})
    text = " ".join(problems)
    assert "QUEUE_URL" in text and "BATCH_SIZE" in text, (
        f"both QUEUE_URL and BATCH_SIZE should be reported in one go: {problems!r}")


def check_token_never_shown(module: ModuleType) -> None:
    """The token's value is in no message, and not in repr() or str() of the settings."""
    problems = _problems(module, {**PROD, "BATCH_SIZE": "0"})
    assert not any(TOKEN in p for p in problems), f"a problem message shows the token: {problems}"
    settings = module.load_worker_settings(PROD)
    for shown in (repr(settings), str(settings), repr(settings.api_token)):
        assert TOKEN not in shown, f"the token shows in {shown!r}: keep it in a Secret"
