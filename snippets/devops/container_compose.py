"""Check compose.yaml against what the page says about it, by reading it; nothing is started.

There is no container engine here, so `docker compose up` cannot run. What can be checked
without one is that the file says what we claim: three services, the API built from our
Dockerfile's runtime stage, ports that match EXPOSE, start-up order on health, pinned
images, and no password written in the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from snippets.devops.container_kit import dockerfile
from snippets.devops.container_kit.rules import SECRET_NAME

DEPENDS = ("container_kit/", "../../Dockerfile")

COMPOSE = Path(__file__).parent / "container_kit" / "compose.yaml"
REQUIRED_VARIABLE = re.compile(r"\$\{[A-Z_]+:\?[^}]*\}")


def checks(spec: dict[str, Any], base: Path) -> list[tuple[str, bool]]:
    """(what the page claims, whether compose.yaml holds it), in the page's order."""
    services = spec["services"]
    api = services["api"]
    context = (base / api["build"]["context"]).resolve()
    stages = dockerfile.read(context / api["build"]["dockerfile"])
    exposed = stages[-1].find("EXPOSE")[-1].text
    host, _, rest = api["ports"][0].partition(":")
    published, _, container = rest.partition(":")
    waits = api["depends_on"]
    images = [s["image"] for s in services.values() if "image" in s]
    secrets = {name: value for s in services.values()
               for name, value in (s.get("environment") or {}).items()
               if SECRET_NAME.search(name) or "@" in str(value)}
    return [
        ("services are api, db and cache", sorted(services) == ["api", "cache", "db"]),
        ("api is built from the repository's Dockerfile", (context / "Dockerfile").is_file()),
        ("api builds the 'runtime' stage", api["build"]["target"] in {s.name for s in stages}),
        (f"api's container port is the image's EXPOSE {exposed}", container == exposed),
        ("api is published on 127.0.0.1 only", host == "127.0.0.1" and published == "8000"),
        ("api starts once db and cache are healthy",
         all(w["condition"] == "service_healthy" for w in waits.values())),
        ("every service api waits for has a healthcheck",
         all("healthcheck" in services[name] for name in waits)),
        ("images are pinned to a version tag",
         all(":" in i and not i.endswith(":latest") for i in images)),
        ("passwords come from the environment, never the file",
         all(REQUIRED_VARIABLE.search(str(v)) for v in secrets.values())),
        ("data survives restarts in a named volume",
         any(v.split(":")[0] in spec["volumes"] for v in services["db"]["volumes"])),
    ]


def main() -> None:
    """Parse compose.yaml and print each claim with its verdict."""
    # --8<-- [start:check]
    spec = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    for claim, holds in checks(spec, COMPOSE.parent):
        print(f"{'ok  ' if holds else 'FAIL'} {claim}")
    print("\nparsed and checked, not run: there is no container engine on this machine")
    # --8<-- [end:check]


if __name__ == "__main__":
    main()
