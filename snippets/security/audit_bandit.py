"""Run bandit over deliberately insecure code and its fixed version, and read what it finds."""

from __future__ import annotations

import ast
from pathlib import Path

from snippets.security.audit_tools import BanditReport, Finding, run_bandit

DEPENDS = ("audit_examples/",)
EXAMPLES = Path(__file__).resolve().parent / "audit_examples"
INSECURE = EXAMPLES / "library_insecure.py"
FIXED = EXAMPLES / "library_fixed.py"


def show(findings: list[Finding]) -> None:
    """One line per finding: where (relative to the repository), which test, how bad, how sure."""
    for f in findings:
        print(f"  {f.path}:{f.line:<3} {f.test_id} {f.severity + '/' + f.confidence:<11} "
              f"{f.function}")


def unflagged_functions(path: Path, report: BanditReport) -> list[str]:
    """Functions of `path` in which bandit found nothing."""
    flagged = {f.function for f in report.findings}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name not in flagged]


def main() -> None:
    """Scan the insecure file, then the fixed one with and without its `# nosec` comments."""
    # --8<-- [start:insecure]
    insecure = run_bandit([INSECURE])
    print("bandit on library_insecure.py: file:line, test, severity/confidence, function")
    show(insecure.findings)
    print(f"  {len(insecure.findings)} findings")
    print("no finding in:", ", ".join(unflagged_functions(INSECURE, insecure)))  # [mark:blind]
    # --8<-- [end:insecure]
    print()
    # --8<-- [start:fixed]
    every = run_bandit([FIXED], ignore_nosec=True)  # what bandit would say with no comments
    print(f"bandit --ignore-nosec on {FIXED.name}: {len(every.findings)} findings")
    show(every.findings)
    fixed = run_bandit([FIXED])
    print(f"bandit on {FIXED.name}: {len(fixed.findings)} findings, "
          f"{fixed.silenced} silenced by '# nosec BXXX' comments")  # [mark:nosec]
    # --8<-- [end:fixed]


if __name__ == "__main__":
    main()
