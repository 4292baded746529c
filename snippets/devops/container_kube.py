"""Check k8s.yaml against the image and the app, then call each probe's endpoint for real.

No cluster runs here. What can be checked is that the manifest fits what it deploys: the
probes name endpoints the app has, on the port the image exposes, the pod runs as the
Dockerfile's user, and the Service finds the pods. Then the app is served on 127.0.0.1 and
each probe's request is sent, before start-up has finished and after.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import yaml

from labkit.serve import serve_in_thread
from snippets.devops.container_app.app import create_service
from snippets.devops.container_kit import dockerfile
from snippets.devops.container_kit.dockerfile import REPO

DEPENDS = ("container_kit/", "container_app/", "../../Dockerfile")

MANIFEST = Path(__file__).parent / "container_kit" / "k8s.yaml"
PROBES = ("startupProbe", "livenessProbe", "readinessProbe")


def load() -> tuple[dict[str, Any], dict[str, Any]]:
    """The Deployment and the Service of k8s.yaml."""
    documents = {doc["kind"]: doc for doc in yaml.safe_load_all(MANIFEST.read_text())}
    return documents["Deployment"], documents["Service"]


def checks(deployment: dict[str, Any], service: dict[str, Any]) -> list[tuple[str, bool]]:
    """(what the page claims, whether k8s.yaml holds it)."""
    final = dockerfile.read(REPO / "Dockerfile")[-1]
    exposed = int(final.find("EXPOSE")[-1].text)
    uid = int(final.find("USER")[-1].text.split(":")[0])
    pod = deployment["spec"]["template"]
    container = pod["spec"]["containers"][0]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    routes = {getattr(route, "path", "") for route in create_service().routes}
    probe_paths = {container[p]["httpGet"]["path"] for p in PROBES}
    return [
        ("every probe calls an endpoint the app has", probe_paths <= routes),
        (f"probes use the port named http = EXPOSE {exposed}",
         all(ports[container[p]["httpGet"]["port"]] == exposed for p in PROBES)),
        (f"pods run as the Dockerfile's USER {uid}, and never as root",
         pod["spec"]["securityContext"]["runAsUser"] == uid
         and pod["spec"]["securityContext"]["runAsNonRoot"] is True),
        ("the Service selects the Deployment's pods",
         service["spec"]["selector"].items() <= pod["metadata"]["labels"].items()),
        ("the Service forwards to the named container port",
         service["spec"]["ports"][0]["targetPort"] in ports),
        ("the image is pinned to a version tag",
         not container["image"].endswith(":latest") and ":" in container["image"]),
    ]


async def status_before_startup(app: Any, path: str) -> int:
    """The status `app` answers for `path` when its lifespan has not run (start-up pending)."""
    transport = httpx.ASGITransport(app=app)  # sends requests, never lifespan events
    async with httpx.AsyncClient(transport=transport, base_url="http://pod") as client:
        return (await client.get(path)).status_code


def main() -> None:
    """Check the manifest, then answer each probe from the app itself."""
    deployment, service = load()
    for claim, holds in checks(deployment, service):
        print(f"{'ok  ' if holds else 'FAIL'} {claim}")
    # --8<-- [start:probes]
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    app = create_service()
    print("\nbefore start-up has finished (called in-process, lifespan not run):")
    for probe in PROBES:
        path = container[probe]["httpGet"]["path"]
        print(f"  {probe:<15} GET {path:<8} → {asyncio.run(status_before_startup(app, path))}")
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as served:
        print("served by uvicorn (lifespan has run):")
        for probe in PROBES:
            path = container[probe]["httpGet"]["path"]
            print(f"  {probe:<15} GET {path:<8} → {served.get(path).status_code}")
    # --8<-- [end:probes]
    print("\nchecked and called, not applied: there is no Kubernetes cluster here")


if __name__ == "__main__":
    main()
