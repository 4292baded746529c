"""Mirrors snippets/devops/container_lint.py: /Dockerfile passes hadolint and our rules."""

from __future__ import annotations

import subprocess

import pytest

from snippets.devops.container_kit import dockerfile, rules
from snippets.devops.container_lint import BAD, GOOD, HADOLINT, hadolint


def test_hadolint_is_the_pinned_version() -> None:
    version = subprocess.run([HADOLINT, "--version"], capture_output=True, text=True,
                             check=True).stdout
    assert "2.15.1" in version


def test_the_real_dockerfile_has_no_hadolint_finding() -> None:
    assert hadolint(GOOD) == []


def test_every_hadolint_ignore_is_justified() -> None:
    """An inline `# hadolint ignore=DLxxxx` must say why, on the same line."""
    for line in GOOD.read_text().splitlines():
        if "hadolint ignore" in line:
            assert " -- " in line or "because" in line, f"unjustified ignore: {line}"


def test_the_real_dockerfile_passes_our_rules() -> None:
    assert rules.check(dockerfile.read(GOOD)) == []


def test_the_bad_dockerfile_breaks_every_rule() -> None:
    broken = {finding.rule for finding in rules.check(dockerfile.read(BAD))}
    assert broken == {rule.__name__.replace("_", "-") for rule in rules.RULES}


def test_hadolint_findings_on_the_bad_dockerfile() -> None:
    codes = {item["code"] for item in hadolint(BAD)}
    assert codes == {"DL3007", "DL3064", "DL3008", "DL3015", "DL3009", "DL3042", "DL3025"}


def test_hadolint_misses_what_our_rules_catch() -> None:
    """No USER, no HEALTHCHECK, one stage, ADD of a URL: hadolint is silent on all four."""
    lines = {item["line"] for item in hadolint(BAD)}
    assert 7 not in lines  # the ADD https://... line
    ours = {(f.rule, f.line) for f in rules.check(dockerfile.read(BAD))}
    assert {("no-remote-add", 7), ("healthcheck", 0), ("multi-stage", 0)} <= ours


@pytest.mark.parametrize(("text", "rule"), [
    ("FROM python AS a\nFROM a\nUSER 1\nHEALTHCHECK CMD [\"x\"]\nCMD [\"x\"]", "pinned-base"),
    ("FROM p:1 AS a\nFROM p:1\nUSER 0\nHEALTHCHECK CMD [\"x\"]\nCMD [\"x\"]", "non-root"),
    ("FROM p:1 AS a\nFROM p:1\nCMD [\"x\"]\nUSER 1\nHEALTHCHECK CMD [\"x\"]", "non-root"),
    ("FROM p:1 AS a\nFROM p:1\nUSER 1\nHEALTHCHECK NONE\nCMD [\"x\"]", "healthcheck"),
    ("FROM p:1 AS a\nFROM p:1\nUSER 1\nHEALTHCHECK CMD [\"x\"]\nENTRYPOINT x", "exec-form"),
    ("FROM p:1 AS a\nCOPY app.py requirements.txt ./\nRUN pip install -r requirements.txt\n"
     "FROM p:1\nUSER 1\nHEALTHCHECK CMD [\"x\"]\nCMD [\"x\"]", "dependencies-first"),
    ("FROM p:1 AS a\nFROM p:1\nENV GITHUB_TOKEN=x\nUSER 1\nHEALTHCHECK CMD [\"x\"]\n"
     "CMD [\"x\"]", "no-secrets"),
])
def test_each_rule_alone(text: str, rule: str) -> None:
    assert {f.rule for f in rules.check(dockerfile.stages(text))} == {rule}


def test_add_of_a_url_with_a_checksum_is_allowed() -> None:
    """Docker's best practices recommend `ADD --checksum=sha256:...` for remote files."""
    base = "FROM p:1 AS a\nFROM p:1\n{add}\nUSER 1\nHEALTHCHECK CMD [\"x\"]\nCMD [\"x\"]"
    plain = base.format(add="ADD https://example.com/t.tgz /t.tgz")
    digest = "sha256:" + "0" * 64
    pinned = base.format(add=f"ADD --checksum={digest} https://example.com/t.tgz /t.tgz")
    assert {f.rule for f in rules.check(dockerfile.stages(plain))} == {"no-remote-add"}
    assert rules.check(dockerfile.stages(pinned)) == []


def test_continued_lines_and_comments_are_joined() -> None:
    parsed = dockerfile.instructions("RUN a \\\n  # note\n  && b\n# c\nCMD [\"x\", \\\n \"y\"]")
    assert [(i.keyword, i.text, i.line) for i in parsed] == [
        ("RUN", "a && b", 1), ("CMD", '["x", "y"]', 5)]
    assert parsed[1].exec_form() == ["x", "y"]
