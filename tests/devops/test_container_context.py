"""Mirrors snippets/devops/container_context.py: what .dockerignore keeps out of the context."""

from __future__ import annotations

import pytest

from snippets.devops.container_context import closure
from snippets.devops.container_kit import context, dockerfile
from snippets.devops.container_kit.dockerfile import REPO

PATTERNS = context.read(REPO)


@pytest.mark.parametrize("path", [
    ".git/HEAD", ".venv/bin/python", "node_modules/x/index.js", "site/index.html",
    "tests/devops/test_container_lint.py", "snippets/devops/__pycache__/a.cpython-311.pyc",
    "labkit/x.pyc", ".pytest_cache/v/cache", ".ruff_cache/x", ".env", ".env.local",
    "deploy/tls.key", "docs/devops/containers.md", "Dockerfile", ".dockerignore",
])
def test_kept_out(path: str) -> None:
    assert context.excluded(path, PATTERNS)


@pytest.mark.parametrize("path", [
    "requirements.lock", "snippets/__init__.py", "snippets/apis/rest_app/api.py",
    "snippets/devops/container_app/app.py", "snippets/devops/container_app/healthcheck.py",
])
def test_kept_in(path: str) -> None:
    assert not context.excluded(path, PATTERNS)


def test_matching_follows_the_documented_rules() -> None:
    patterns = context.parse("# comment\n*.md\n!README*.md\nREADME-secret.md\n/build\n*/temp*")
    assert context.excluded("notes.md", patterns)
    assert not context.excluded("README.md", patterns)
    assert context.excluded("README-secret.md", patterns)  # the last match decides
    assert context.excluded("build/out.o", patterns)  # a leading / changes nothing
    assert context.excluded("src/temporary.txt", patterns)
    assert not context.excluded("src/a/temporary.txt", patterns)  # * stays in one segment
    assert not context.excluded("# comment", patterns)


def test_every_copy_source_is_in_the_context() -> None:
    kept = [path for path, _ in context.files(REPO, PATTERNS)]
    for stage in dockerfile.read(REPO / "Dockerfile"):
        for copy in stage.find("COPY"):
            if "from" not in copy.flags():
                for source in copy.args()[:-1]:
                    assert any(p == source or p.startswith(source) for p in kept), source


def test_nothing_secret_looking_is_in_the_context() -> None:
    kept = [path for path, _ in context.files(REPO, PATTERNS)]
    assert not [p for p in kept if p.endswith((".pem", ".key")) or "/.env" in "/" + p]


def test_the_lock_pins_everything_the_image_installs() -> None:
    pinned = {line.split("==")[0].lower().replace("_", "-")
              for line in (REPO / "requirements.lock").read_text().splitlines()}
    needed = closure(["fastapi", "uvicorn"])
    assert {"fastapi", "uvicorn", "starlette", "pydantic", "pydantic-core"} <= needed
    assert needed <= pinned
