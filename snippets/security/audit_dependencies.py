"""Audit pinned dependencies with pip-audit: the project's own lock file, and a stand-in mirror.

The real audit needs a vulnerability service (PyPI's JSON API or OSV). When it cannot reach
one, the snippet says so and calls the result NOT AUDITED, never "no vulnerabilities".
"""

from __future__ import annotations

import re
import shutil
import subprocess  # nosec B404 # runs pip-audit itself, with an argument list and no shell
import sys
import tempfile
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request

from labkit import paths
from labkit.serve import serve_in_thread

DEPENDS = ("audit_examples/", "../../requirements.lock")
DEMO_PINS = Path(__file__).resolve().parent / "audit_examples" / "requirements-demo.txt"


def pip_audit(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real pip-audit command line with `args`, as CI does."""
    command = [sys.executable, "-m", "pip_audit", "--progress-spinner", "off", *args]
    return subprocess.run(  # nosec B603 # fixed program and argument list, no shell
        command, capture_output=True, text=True, check=False, timeout=120
    )


# --8<-- [start:verdict]
def verdict(done: subprocess.CompletedProcess[str]) -> str:
    """What a run of pip-audit really established, in one line."""
    if skipped := done.stdout.count("could not be audited"):  # without --strict: exit 0!
        return f"NOT AUDITED: {skipped} packages skipped, whatever the summary line says"
    if done.returncode == 0 and "No known vulnerabilities found" in done.stderr:
        return "no known vulnerabilities"
    if found := re.search(r"Found \d+ known vulnerabilit.*", done.stderr):
        return found.group(0)
    host = re.search(r"host='([^']+)'", done.stderr)
    where = host.group(1) if host else "the vulnerability service"
    if "labkit sandbox" in done.stderr:
        reason = "this sandbox allows 127.0.0.1 only"
    elif "NameResolutionError" in done.stderr:
        reason = "its name does not resolve from here"
    elif "Dependency not found on PyPI" in done.stderr:
        where, reason = "pypi.org", "its JSON API answered 404 for a pinned package"
    else:
        reason = done.stderr.strip().splitlines()[-1][:60] if done.stderr.strip() else "?"
    return f"NOT AUDITED: could not query {where} ({reason})"  # [mark:not-audited]
# --8<-- [end:verdict]


# --8<-- [start:mirror]
ADVISORIES: dict[tuple[str, str], list[dict[str, Any]]] = {
    ("library-markup", "1.2.0"): [{
        "id": "LAB-2026-0001",  # a made-up id: real ones look like PYSEC-… or GHSA-…
        "summary": "Stand-in advisory: comments can carry raw HTML",
        "affected": [{
            "package": {"name": "library-markup", "ecosystem": "PyPI"},
            "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.2.1"}]}],
        }],
    }],
}


def create_mirror() -> FastAPI:
    """An OSV-compatible query endpoint on loopback that knows only the stand-in advisory."""
    app = FastAPI()

    @app.post("/v1/query")
    async def query(request: Request) -> dict[str, Any]:
        asked = await request.json()  # {"package": {"name", "ecosystem"}, "version"}
        vulns = ADVISORIES.get((asked["package"]["name"], asked["version"]), [])
        return {"vulns": vulns} if vulns else {}

    return app
# --8<-- [end:mirror]


def pins_of(path: Path) -> list[str]:
    """The `name==version` lines of a requirements file."""
    return [line for line in path.read_text().splitlines() if "==" in line]


def show(done: subprocess.CompletedProcess[str]) -> None:
    """Print pip-audit's table and summary (its two --no-deps warnings left out)."""
    for line in (done.stdout + done.stderr).splitlines():
        if line.strip() and not line.startswith("WARNING:"):
            print(f"  {line}")
    print(f"  exit status {done.returncode}")


def main() -> None:
    """Audit requirements.lock for real, then show findings, exceptions and --fix on a mirror."""
    # --8<-- [start:real]
    lock = paths.ROOT / "requirements.lock"
    print(f"requirements.lock pins {len(pins_of(lock))} packages")
    for service in ("pypi", "osv"):
        done = pip_audit("-s", service, "--strict", "--disable-pip", "--no-deps", "-r", str(lock))
        print(f"pip-audit -s {service}: exit status {done.returncode}: {verdict(done)}")
    # --8<-- [end:real]
    print()
    with serve_in_thread(create_mirror()) as base, tempfile.TemporaryDirectory() as folder:
        # --8<-- [start:demo]
        pins_file = Path(folder) / "requirements.txt"
        shutil.copy(DEMO_PINS, pins_file)
        mirror = ["-s", "osv", "--osv-url", f"{base}/v1/query", "--strict",
                  "--disable-pip", "--no-deps", "-r", str(pins_file)]
        print("requirements.txt pins:", ", ".join(pins_of(pins_file)))
        print("1. audit against the stand-in mirror:")
        show(pip_audit(*mirror))
        print("2. with a documented exception, --ignore-vuln LAB-2026-0001:")
        show(pip_audit(*mirror, "--ignore-vuln", "LAB-2026-0001"))  # [mark:ignore]
        print("3. --fix, which rewrites the pin:")
        show(pip_audit(*mirror, "--fix"))
        print("  requirements.txt now pins:", ", ".join(pins_of(pins_file)))
        # --8<-- [end:demo]


if __name__ == "__main__":
    main()
