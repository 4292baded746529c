"""This repository's two GitHub Actions workflows, read with PyYAML and checked by actionlint.

The snippet prints what each workflow does (triggers, permissions, concurrency, jobs, service
containers and steps in order), then runs actionlint on both (no finding, exit 0), on a
deliberately broken workflow (three findings with file:line:column) and on its fix.
"""

from __future__ import annotations

import textwrap

from labkit import paths
from snippets.devops.cicd_kit.workflows import WORKFLOWS, actionlint, load, summary

DEPENDS = ("cicd_kit/", "../../.github/workflows/")
"""The workflows and YAML files this snippet reads: editing them makes its output stale."""
KIT = paths.ROOT / "snippets" / "devops" / "cicd_kit"


def main() -> None:
    """Describe both workflows, then lint them, the broken example and its fix."""
    # --8<-- [start:describe]
    for path in (WORKFLOWS / "tests.yml", WORKFLOWS / "deploy.yml"):
        workflow = load(path)
        print(f"== {path.relative_to(paths.ROOT)} (workflow {workflow['name']!r})")
        for line in summary(workflow):
            print(f"  {line}")
    # --8<-- [end:describe]
    print()
    # --8<-- [start:lint]
    for label, files in (("our two workflows", sorted(WORKFLOWS.glob("*.yml"))),
                         ("cicd_kit/broken.yml", [KIT / "broken.yml"]),
                         ("cicd_kit/fixed.yml", [KIT / "fixed.yml"])):
        code, findings = actionlint(*files)
        print(f"actionlint on {label}: exit {code}, {len(findings)} finding(s)")
        for finding in findings:
            print(textwrap.fill(str(finding), width=78, initial_indent="  ",
                                subsequent_indent="      "))
    # --8<-- [end:lint]


if __name__ == "__main__":
    main()
