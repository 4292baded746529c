"""Load typed settings from the environment: defaults in development, refusal in production."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import httpx

from labkit.serve import free_port, stop, wait_for_port
from snippets.devops.cloud_kit.settings import ConfigError, load_settings

# A key as a secret manager hands it out: 64 random-looking hex digits (derived here, so
# that every run prints the same thing; a real one comes from `secrets.token_hex(32)`).
FAKE_KEY = hashlib.sha256(b"library demo key").hexdigest()
PRODUCTION = {
    "APP_ENV": "production",
    "DATABASE_URL": "postgresql://library:pa55-w0rd@db.internal:5432/library",
    "SECRET_KEY": FAKE_KEY,
    "BLOB_BUCKET": "library-covers-prod",
    "ALLOWED_ORIGINS": "https://library.example.org",
}


def try_load(label: str, env: Mapping[str, str]) -> None:
    """Load settings from `env` and print what happened, never a secret."""
    print(f"[{label}]")
    try:
        settings = load_settings(env)
    except ConfigError as error:
        print(f"  {error}".replace("\n", "\n  "))
        return
    print(f"  {settings.describe()}")
    print(f"  port={settings.port} secret_key={settings.secret_key}")


# --8<-- [start:mappings]
def show_mappings() -> None:
    """The same loader under four environments, passed as plain mappings."""
    try_load("laptop: nothing set", {})
    try_load("production, nothing else set", {"APP_ENV": "production"})
    try_load("production, typos", {**PRODUCTION, "PORT": "80O", "LOG_LEVEL": "verbose",
                                   "SECRET_KEY": FAKE_KEY[:7]})
    try_load("production, complete", {**PRODUCTION, "PORT": "8080"})
# --8<-- [end:mappings]


# --8<-- [start:dump]
def show_environment_dump() -> None:
    """What a crash reporter that attaches the environment would send, and what we log."""
    crash_report = {"error": "ZeroDivisionError", "environ": dict(PRODUCTION)}
    print("crash report with the environment attached:")
    print(f"  {crash_report['environ']['DATABASE_URL']}  <- password leaked")
    print(f"  {crash_report['environ']['SECRET_KEY'][:24]}…  <- key leaked")
    print("what the service itself logs:")
    print(f"  {load_settings(PRODUCTION).describe()}")
# --8<-- [end:dump]


# --8<-- [start:process]
def platform_env() -> dict[str, str]:
    """What every Python process here needs (paths, locale, sandbox): no app config in it."""
    keep = ("PATH", "PYTHONPATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "TZ", "PYTHONHASHSEED",
            "PYTHONUTF8", "PYTHONIOENCODING", "PYTHONDONTWRITEBYTECODE")
    return {k: v for k, v in os.environ.items() if k in keep or k.startswith("LAB_")}


ENTRY = [sys.executable, "-m", "snippets.devops.cloud_kit.entry"]


def start(app_env: Mapping[str, str], *args: str) -> subprocess.Popen[str]:
    """The entry point as a new process whose environment is the platform's plus `app_env`."""
    return subprocess.Popen([*ENTRY, *args], env={**platform_env(), **app_env},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def check_only(label: str, app_env: Mapping[str, str]) -> None:
    """Run the real entry point with `--check` under `app_env`; show its exit code and words."""
    process = start(app_env, "--check")
    output, _ = process.communicate(timeout=60)
    print(f"$ {' '.join(f'{k}=…' for k in app_env)} python -m …cloud_kit.entry --check"
          f"   [{label}]")
    for line in output.strip().splitlines():
        print(f"  {line}")
    print(f"  exit code {process.returncode}")


@contextmanager
def running(app_env: Mapping[str, str]) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """Start the entry point as a real server process; stop it afterwards."""
    port = free_port()
    process = start({**app_env, "PORT": str(port)})
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}", process
    finally:
        stop(process)


def show_processes() -> None:
    """The entry point refuses an incomplete production, then serves a development config."""
    check_only("incomplete", {"APP_ENV": "production", "DATABASE_URL": PRODUCTION["DATABASE_URL"]})
    check_only("complete", PRODUCTION)
    book = {"title": "Dune", "author": "Frank Herbert", "year": 1965, "isbn": "9780441013593"}
    with running({"APP_ENV": "development"}) as (base, process), \
            httpx.Client(base_url=base) as client:
        print(f"GET /healthz -> {client.get('/healthz').json()}")
        print(f"POST /books -> {client.post('/books', json=book).status_code}")
    output = process.stdout.read() if process.stdout else ""
    print(f"server said: {output.strip()}")
# --8<-- [end:process]


def main() -> None:
    """Show the loader on mappings, the leak it avoids, and the real process."""
    show_mappings()
    print()
    show_environment_dump()
    print()
    show_processes()


if __name__ == "__main__":
    main()
