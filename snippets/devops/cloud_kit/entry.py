"""Start the library API with settings from the environment.

Run it as `python -m snippets.devops.cloud_kit.entry`. With `--check` it validates the
configuration and exits without serving: a deploy pipeline can run that before it
switches traffic.
"""

from __future__ import annotations

import os
import sys

from fastapi import FastAPI

from snippets.apis.rest_app import create_app
from snippets.devops.cloud_kit.settings import ConfigError, Settings, load_settings


def build_app(settings: Settings) -> FastAPI:
    """The APIs chapter's library app, plus a health route that reports no configuration."""
    app = create_app()
    app.state.settings = settings

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        """Liveness for the platform: says nothing about how the service is configured."""
        return {"status": "ok"}

    return app


# --8<-- [start:main]
def main(argv: list[str]) -> int:
    """Load settings, refuse to start on any problem, then serve (or only check)."""
    try:
        settings = load_settings(os.environ)
    except ConfigError as error:
        print(f"refusing to start: {error}", file=sys.stderr)
        return os.EX_CONFIG  # 78, "configuration error" in sysexits.h
    print(f"config ok: {settings.describe()}", flush=True)
    if "--check" in argv:
        return 0
    import uvicorn

    # 127.0.0.1 because this sandbox allows nothing else; a container binds 0.0.0.0.
    uvicorn.run(build_app(settings), host="127.0.0.1", port=settings.port, log_level="warning")
    return 0
# --8<-- [end:main]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
