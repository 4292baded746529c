"""What `docker build .` would send from this repository, with and without our .dockerignore.

No engine is needed to know this: the context is a folder minus the .dockerignore patterns.
The snippet also checks that every file the Dockerfile COPYs is still in the context, and
that the build stage's `pip install --constraint requirements.lock fastapi uvicorn` finds
every package it needs pinned in the lock file.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re

from packaging.markers import default_environment
from packaging.requirements import Requirement

from labkit.measure import measured
from snippets.devops.container_kit import context, dockerfile
from snippets.devops.container_kit.dockerfile import REPO

DEPENDS = ("container_kit/", "../../Dockerfile", "../../.dockerignore", "../../requirements.lock")

KEPT_OUT = [".git", ".venv", "node_modules", "site", "docs", "tests",
            "snippets/__pycache__", ".pytest_cache", ".ruff_cache", ".env", "Dockerfile"]


def closure(names: list[str]) -> set[str]:
    """The installed distributions `names` need, with their dependencies (no extras)."""
    environment = {**default_environment(), "extra": ""}
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if name in seen:
            continue
        seen.add(name)
        for line in metadata.requires(name) or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate(environment):
                todo.append(requirement.name)
    return seen


def main() -> None:
    """Compare the two contexts, then check the COPY sources and the lock file."""
    # --8<-- [start:sizes]
    patterns = context.read(REPO)
    kept = dict(context.files(REPO, patterns))
    everything = dict(context.files(REPO, []))
    print(f".dockerignore: {len(patterns)} patterns")
    for path in KEPT_OUT:
        print(f"  {path:<22} kept out: {context.excluded(path, patterns)}")
    with_ignore = sum(kept.values()) / 1e6
    without = sum(everything.values()) / 1e6
    print(f"context with .dockerignore:    {measured(with_ignore, unit=' MB', at_most=20)}")
    print(f"context without .dockerignore: {measured(without, unit=' MB', at_least=100)}")
    print(f"ratio: {measured(without / with_ignore, unit='×', digits=0, at_least=20)}")
    # --8<-- [end:sizes]

    # --8<-- [start:sources]
    print("\nCOPY sources of /Dockerfile, all in the context:")
    for stage in dockerfile.read(REPO / "Dockerfile"):
        for copy in stage.find("COPY"):
            if "from" in copy.flags():
                continue
            for source in copy.args()[:-1]:
                there = any(path == source or path.startswith(source) for path in kept)
                print(f"  {stage.name:<8} {source:<36} {'in context' if there else 'MISSING'}")
    # --8<-- [end:sources]

    # --8<-- [start:lock]
    pinned = {re.sub(r"[-_.]+", "-", line.split("==")[0]).lower()
              for line in (REPO / "requirements.lock").read_text().splitlines() if "==" in line}
    needed = closure(["fastapi", "uvicorn"])
    print(f"\nfastapi + uvicorn need {len(needed)} distributions; "
          f"not pinned in requirements.lock: {sorted(needed - pinned) or 'none'}")
    print("  " + ", ".join(sorted(needed)))
    # --8<-- [end:lock]


if __name__ == "__main__":
    main()
