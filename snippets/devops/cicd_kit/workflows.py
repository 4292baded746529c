"""Read GitHub Actions workflow files with PyYAML, and lint them with actionlint.

`load()` parses a workflow; `summary()` turns it into lines a person can read (triggers,
permissions, concurrency, and each job's runner, services and steps in order);
`actionlint()` runs the real linter and returns its findings with file, line and column.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from labkit import paths

WORKFLOWS = paths.ROOT / ".github" / "workflows"
"""This repository's own workflows: tests.yml and deploy.yml."""


def load(path: Path) -> dict[str, Any]:
    """The workflow in `path` as plain data."""
    workflow: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1, which PyYAML follows, reads the bare key `on` as the boolean True.
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def _mapping(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_mapping(item)}" for key, item in value.items())
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return "-" if value is None else str(value)


def _step(step: dict[str, Any], room: int = 66) -> str:
    """One step as `name: uses X` or `name: run <first command>`, in about `room` chars."""
    label = step.get("name") or (f"id {step['id']}" if "id" in step else "")
    prefix = f"{label}: " if label else ""
    if "uses" in step:
        return f"{prefix}uses {step['uses']}"
    commands = step["run"].strip().splitlines()
    more = f" (+{len(commands) - 1} more)" if len(commands) > 1 else ""
    what = "run " + " ".join(commands[0].split())
    space = max(room - len(prefix) - len(more), 12)
    what = what if len(what) <= space else what[:space - 3] + "..."
    return prefix + what + more


def _triggers(on: dict[str, Any]) -> str:
    """`pull_request, push [branches: main]`: each event, with its filters if any."""
    return ", ".join(f"{event} [{_mapping(filters)}]" if filters else event
                     for event, filters in on.items())


def _health(options: str) -> str:
    """The `--health-cmd` out of a service container's `options`."""
    words = shlex.split(options)
    return words[words.index("--health-cmd") + 1] if "--health-cmd" in words else "none"


def summary(workflow: dict[str, Any]) -> list[str]:
    """What a workflow does, in the order GitHub reads it."""
    concurrency = workflow.get("concurrency", {})
    lines = [
        f"on: {_triggers(workflow['on'])}",
        f"permissions: {_mapping(workflow.get('permissions', 'default (see the repo settings)'))}",
        f"concurrency: group {concurrency.get('group')}, "
        f"cancel-in-progress {str(concurrency.get('cancel-in-progress', False)).lower()}",
    ]
    for name, job in workflow["jobs"].items():
        lines.append(f"job {name}: runs-on {job['runs-on']}, "
                     f"timeout {job.get('timeout-minutes', 360)} min"
                     + (f", needs {job['needs']}" if "needs" in job else ""))
        if "permissions" in job:
            lines.append(f"  permissions: {_mapping(job['permissions'])}")
        if "environment" in job:
            lines.append(f"  environment: {job['environment']['name']}")
        if "strategy" in job:
            lines.append(f"  matrix: {_mapping(job['strategy']['matrix'])}")
        for service, spec in job.get("services", {}).items():
            lines.append(f"  service {service}: image {spec['image']}")
            lines.append(f"    health-cmd: {_health(spec.get('options', ''))}")
        lines += [f"  {number}. {_step(step)}" for number, step in enumerate(job["steps"], 1)]
    return lines


@dataclass(frozen=True)
class Finding:
    """One problem actionlint reported."""

    path: str
    line: int
    column: int
    kind: str
    message: str

    def __str__(self) -> str:
        # Keep what a reader acts on; drop the list of every runner label and the URL.
        sentences = [s for s in self.message.split(". ")
                     if not s.startswith(("available labels", "see "))]
        return f"{self.path}:{self.line}:{self.column}: [{self.kind}] {'. '.join(sentences)}"


def actionlint_binary() -> str:
    """The actionlint that `make setup` installs into the virtual environment."""
    beside_python = Path(sys.executable).parent / "actionlint"
    return str(beside_python) if beside_python.exists() else shutil.which("actionlint") or ""


def actionlint(*files: Path) -> tuple[int, list[Finding]]:
    """Run actionlint on `files` (paths shown relative to the repository); exit code, findings.

    shellcheck and pyflakes, which actionlint also runs on `run:` scripts when they are
    installed, are switched off so the verdict is the same on every machine.
    """
    command = [actionlint_binary(), "-no-color", "-shellcheck=", "-pyflakes=",
               "-format", "{{json .}}", *(str(f.relative_to(paths.ROOT)) for f in files)]
    result = subprocess.run(command, cwd=paths.ROOT, capture_output=True, text=True,
                            timeout=60, check=False)
    if result.returncode not in (0, 1):  # 1 means "found problems"; anything else is a failure
        raise RuntimeError(f"actionlint failed ({result.returncode}): {result.stderr}")
    found = json.loads(result.stdout or "[]")
    return result.returncode, [Finding(f["filepath"], f["line"], f["column"], f["kind"],
                                       f["message"]) for f in found]
