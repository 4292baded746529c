"""Find secrets pasted into source files: a small scanner of our own, next to bandit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from snippets.security.audit_tools import run_bandit

DEPENDS = ("audit_examples/",)
EXAMPLES = Path(__file__).resolve().parent / "audit_examples"

# --8<-- [start:rules]
RULES = {
    # provider formats: a fixed prefix makes them easy to recognise (and to revoke)
    "aws-access-key-id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "github-token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
    "private-key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    # a string literal assigned to a name that says "secret"
    "secret-assignment": re.compile(
        r"""(?i)\b\w*(?:password|passwd|secret|token|api_?key)\w*\s*[:=]\s*["']([^"']{8,})["']"""
    ),
}
# --8<-- [end:rules]


@dataclass(frozen=True)
class Leak:
    """A likely secret: where it is, which rule matched, and a masked preview."""

    path: str
    line: int
    rule: str
    preview: str


def mask(secret: str) -> str:
    """Enough to find it again, never enough to use it."""
    return f"{secret[:4]}… ({len(secret)} characters)"


# --8<-- [start:scan]
def scan(path: Path, root: Path) -> list[Leak]:
    """Every line of `path` that matches a rule, with the secret masked."""
    leaks = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for rule, pattern in RULES.items():
            if match := pattern.search(line):
                secret = match.group(match.lastindex or 0)
                leaks.append(Leak(path.relative_to(root).as_posix(), number, rule, mask(secret)))
                break  # one report per line is enough
    return leaks
# --8<-- [end:scan]


def main() -> None:
    """Scan the example files with our rules, then ask bandit about the leaky one."""
    root = EXAMPLES.parent.parent.parent
    # --8<-- [start:run]
    for path in sorted(EXAMPLES.glob("*.py")):
        leaks = scan(path, root)
        print(f"{path.name}: {len(leaks)} likely secrets")
        for leak in leaks:
            print(f"  line {leak.line:<3} {leak.rule:<18} {leak.preview}")
    leaky = EXAMPLES / "leaky_settings.py"
    report = run_bandit([leaky])
    print(f"bandit on {leaky.name}:",
          ", ".join(f"line {f.line} {f.test_id}" for f in report.findings))  # [mark:bandit]
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
