"""Hidden checks for the cicd_audit exercise."""

from __future__ import annotations

from types import ModuleType

from labkit import paths

SAFE = """\
name: safe
on:
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v7
      - uses: actions/setup-python@0123456789abcdef0123456789abcdef01234567
      - uses: ./.github/actions/local
      - env:
          TITLE: ${{ github.event.pull_request.title }}
        run: echo "$TITLE"
"""


def _check(module: ModuleType, text: str, expected: set[str], why: str) -> None:
    got = module.problems(text)
    assert isinstance(got, set), f"problems() should return a set, not {type(got).__name__}"
    assert got == expected, f"{why}: expected {sorted(expected)}, got {sorted(got)}"


def check_a_safe_workflow(module: ModuleType) -> None:
    """A workflow with read-only permissions, pinned actions and an env variable is clean."""
    _check(module, SAFE, set(), "this workflow has no problem (the title goes through env)")


def check_this_repository(module: ModuleType) -> None:
    """The two workflows of this repository have none of the four problems."""
    for name in ("tests.yml", "deploy.yml"):
        text = (paths.ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8")
        _check(module, text, set(), f".github/workflows/{name} is clean")


def check_permissions(module: ModuleType) -> None:
    """A missing or write-all top-level permissions key is reported."""
    missing = SAFE.replace("permissions:\n  contents: read\n", "")
    _check(module, missing, {"no-permissions"}, "no top-level permissions key")
    write_all = SAFE.replace("permissions:\n  contents: read\n", "permissions: write-all\n")
    _check(module, write_all, {"no-permissions"}, "permissions: write-all")


def check_pull_request_target(module: ModuleType) -> None:
    """pull_request_target is found as a mapping key, in a list and as a plain string."""
    for on in ("on:\n  pull_request_target:\n", "on: [push, pull_request_target]\n",
               "on: pull_request_target\n"):
        text = SAFE.replace("on:\n  pull_request:\n", on)
        _check(module, text, {"pull_request_target"}, f"triggers written as {on!r}")


def check_unpinned(module: ModuleType) -> None:
    """A branch ref, a short SHA or no ref at all is unpinned; tags and full SHAs are not."""
    for uses in ("actions/checkout@main", "actions/checkout@0123456", "actions/checkout"):
        text = SAFE.replace("actions/checkout@v7", uses)
        _check(module, text, {f"unpinned {uses}"}, f"uses: {uses}")
    for uses in ("actions/checkout@v4.2.1", "docker://alpine:3.20"):
        _check(module, SAFE.replace("actions/checkout@v7", uses), set(), f"uses: {uses}")


def check_injection(module: ModuleType) -> None:
    """An untrusted expression pasted into run: is reported with the job's name."""
    pasted = SAFE.replace('run: echo "$TITLE"',
                          'run: echo "${{ github.event.pull_request.title }}"')
    _check(module, pasted, {"injection test"}, "the title pasted into the script")
    branch = SAFE.replace('run: echo "$TITLE"', "run: git push origin ${{ github.head_ref }}")
    _check(module, branch, {"injection test"}, "the branch name pasted into the script")
    trusted = SAFE.replace('run: echo "$TITLE"', 'run: echo "${{ github.sha }}"')
    _check(module, trusted, set(), "github.sha is not attacker-controlled")
