"""Lint two Dockerfiles with hadolint and with our own rules: a deliberately bad one, and ours.

hadolint (2.15.1) checks each instruction against its DLxxxx rules and runs the shell
commands of RUN through ShellCheck. Our rules (`container_kit/rules.py`) look at the file as
a whole: a non-root USER before CMD, a HEALTHCHECK, dependencies before code, more than one
stage. Each catches things the other misses.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from snippets.devops.container_kit import dockerfile, replay, rules
from snippets.devops.container_kit.dockerfile import REPO

DEPENDS = ("container_kit/", "../../Dockerfile")

BAD = Path(__file__).parent / "container_kit" / "bad" / "Dockerfile"
GOOD = REPO / "Dockerfile"
HADOLINT = Path(sys.executable).parent / "hadolint"


def hadolint(path: Path) -> list[dict[str, object]]:
    """hadolint's findings for the Dockerfile at `path`, as dicts (code, line, message...)."""
    result = replay.command([str(HADOLINT), "--no-color", "--format", "json", path.name],
                            cwd=path.parent)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"hadolint failed: {result.stderr}")
    return json.loads(result.stdout or "[]")


# --8<-- [start:both]
def report(path: Path) -> tuple[int, int]:
    """Print both checkers' findings for one Dockerfile; return their counts."""
    print(f"== {path.relative_to(REPO)}")
    found = hadolint(path)
    print(f"hadolint: {len(found)} finding(s)")
    for item in found:
        print(f"  line {item['line']:>2}  {item['code']}  {item['message']}")
    ours = rules.check(dockerfile.read(path))
    print(f"container_kit.rules: {len(ours)} finding(s)")
    for finding in ours:
        where = f"line {finding.line:>2}" if finding.line else "file   "
        print(f"  {where}  {finding.rule}: {finding.message}")
    return len(found), len(ours)
# --8<-- [end:both]


def main() -> None:
    """Run both checkers on the bad Dockerfile, then on the real one."""
    # --8<-- [start:run]
    report(BAD)
    print()
    clean = report(GOOD) == (0, 0)
    print(f"\n/Dockerfile passes both checkers: {clean}")
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
