"""Mirrors snippets/devops/cloud_settings.py: defaults, refusal in production, no secret shown."""

from __future__ import annotations

import subprocess

import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.devops.cloud_kit.entry import build_app
from snippets.devops.cloud_kit.settings import ConfigError, Secret, load_settings, redact_url
from snippets.devops.cloud_settings import ENTRY, PRODUCTION, platform_env

PASSWORD = "pa55-w0rd"
KEY = PRODUCTION["SECRET_KEY"]


def test_development_defaults() -> None:
    settings = load_settings({})
    assert settings.app_env == "development" and settings.port == 8000
    assert settings.database_url.reveal() == "sqlite:///library-dev.db"
    assert settings.secret_key.reveal() != load_settings({}).secret_key.reveal()


def test_production_refuses_every_missing_value_at_once() -> None:
    with pytest.raises(ConfigError) as refused:
        load_settings({"APP_ENV": "production", "PORT": "x"})
    text = " ".join(refused.value.problems)
    for name in ("DATABASE_URL", "SECRET_KEY", "BLOB_BUCKET", "PORT"):
        assert name in text


def test_types_are_checked() -> None:
    settings = load_settings({**PRODUCTION, "PORT": "8080", "LOG_LEVEL": "DEBUG"})
    assert settings.port == 8080 and settings.log_level == "debug"
    assert settings.allowed_origins == ("https://library.example.org",)
    for bad in ("0", "65536", "80O", "-1"):
        with pytest.raises(ConfigError):
            load_settings({**PRODUCTION, "PORT": bad})


def test_secrets_never_show() -> None:
    settings = load_settings(PRODUCTION)
    for shown in (repr(settings), str(settings), settings.describe(), f"{settings.secret_key}"):
        assert PASSWORD not in shown and KEY not in shown
    assert settings.secret_key.reveal() == KEY
    with pytest.raises(ConfigError) as refused:
        load_settings({**PRODUCTION, "SECRET_KEY": KEY[:7]})
    assert KEY[:7] not in str(refused.value)
    assert repr(Secret("x")) == "Secret('***')"
    assert redact_url("postgresql://u:p@h:5432/d") == "postgresql://u:***@h:5432/d"
    assert redact_url("sqlite:///x.db") == "sqlite:///x.db"


def test_entry_point_exit_codes() -> None:
    refused = subprocess.run([*ENTRY, "--check"], env={**platform_env(), "APP_ENV": "production"},
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 78 and "SECRET_KEY" in refused.stderr
    accepted = subprocess.run([*ENTRY, "--check"], env={**platform_env(), **PRODUCTION},
                              capture_output=True, text=True, timeout=60)
    assert accepted.returncode == 0 and KEY not in accepted.stdout
    assert PASSWORD not in accepted.stdout


def test_platform_env_holds_no_app_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY", "leaked")
    assert "SECRET_KEY" not in platform_env()


def test_health_route_reports_no_config() -> None:
    with serve_in_thread(build_app(load_settings(PRODUCTION))) as base:
        response = httpx.get(f"{base}/healthz")
    assert response.json() == {"status": "ok"} and KEY not in response.text
