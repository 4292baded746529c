"""Mirrors snippets/security/hygiene_logging.py: the leak, the redaction, the wrong place."""

from __future__ import annotations

import logging

import pytest

from snippets.security.hygiene_logging import (
    RedactSecrets,
    capture,
    log_requests,
    redact,
    request_logger,
    request_logger_vulnerable,
)

SECRETS = ("correct horse battery staple", "eyJhbGciOiJIUzI1NiJ9.e30.x", "ya29.a0AfB_demo")


def test_the_vulnerable_logger_leaks_every_secret() -> None:
    stream = capture("library.vulnerable")
    log_requests(request_logger_vulnerable())
    assert all(secret in stream.getvalue() for secret in SECRETS)


def test_the_filtered_handler_leaks_none() -> None:
    stream = capture("library.safe", RedactSecrets())
    log_requests(request_logger())
    text = stream.getvalue()
    assert not any(secret in text for secret in SECRETS)
    assert text.count("[REDACTED]") == 3 and "Bearer [REDACTED]" in text


@pytest.mark.parametrize(("line", "expected"), [
    ("Authorization: Bearer abc.def", "Authorization: Bearer [REDACTED]"),
    ('{"api_key": "k-123", "n": 1}', '{"api_key": "[REDACTED]", "n": 1}'),
    ("next=/loans&refresh_token=r1&x=2", "next=/loans&refresh_token=[REDACTED]&x=2"),
    ("borrowed 3 books", "borrowed 3 books"),
])
def test_redact(line: str, expected: str) -> None:
    assert redact(line) == expected


def test_a_filter_on_the_parent_logger_misses_child_records() -> None:
    stream = capture("test.parent")
    parent = logging.getLogger("test.parent")
    parent.addFilter(RedactSecrets())
    child = logging.getLogger("test.parent.child")
    child.propagate = True
    child.info("password=swordfish-long")
    assert "swordfish-long" in stream.getvalue()  # the documented logging behaviour
