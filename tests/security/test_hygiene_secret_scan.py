"""Mirrors snippets/security/hygiene_secret_scan.py: the scanner finds pasted secrets."""

from __future__ import annotations

from pathlib import Path

from snippets.security.hygiene_secret_scan import EXAMPLES, mask, scan


def test_the_leaky_file_is_caught() -> None:
    leaks = scan(EXAMPLES / "leaky_settings.py", EXAMPLES)
    assert [(leak.line, leak.rule) for leak in leaks] == [
        (13, "aws-access-key-id"), (14, "secret-assignment"), (15, "secret-assignment")]


def test_the_output_never_holds_a_whole_secret() -> None:
    leaks = scan(EXAMPLES / "leaky_settings.py", EXAMPLES)
    assert all("EXAMPLE" not in leak.preview for leak in leaks)
    assert mask("AKIAIOSFODNN7EXAMPLE") == "AKIA… (20 characters)"


def test_code_that_reads_the_environment_is_clean() -> None:
    assert scan(EXAMPLES / "library_fixed.py", EXAMPLES) == []


def test_other_formats(tmp_path: Path) -> None:
    sample = tmp_path / "deploy.py"
    sample.write_text('KEY = """\n-----BEGIN OPENSSH PRIVATE KEY-----\n"""\n'
                      'api_key: "0123456789abcdef"\n')
    assert [leak.rule for leak in scan(sample, tmp_path)] == ["private-key", "secret-assignment"]


def test_every_secret_storage_settings_vulnerable_returns_is_caught() -> None:
    """The 'attack' on a leaky file is reading it: each value it hands out is flagged."""
    from snippets.security.audit_examples.leaky_settings import storage_settings_vulnerable

    values = storage_settings_vulnerable()
    source = (EXAMPLES / "leaky_settings.py").read_text().splitlines()
    flagged = {leak.line for leak in scan(EXAMPLES / "leaky_settings.py", EXAMPLES)}
    for name in ("key_id", "secret", "smtp_password"):
        line = next(n for n, text in enumerate(source, 1) if values[name] in text)
        assert line in flagged, f"{name} on line {line} was not caught"
