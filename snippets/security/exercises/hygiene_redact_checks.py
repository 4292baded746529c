"""Hidden checks for the hygiene_redact exercise."""

from __future__ import annotations

import io
import logging
from types import ModuleType

CASES = [
    ("GET /loans?access_token=ya29.abc&page=2", "GET /loans?access_token=[REDACTED]&page=2"),
    ("Authorization: Bearer eyJhbGciOi.e30.sig", "Authorization: Bearer [REDACTED]"),
    ("{'Authorization': 'Basic YWRhOmh1bnRlcjI='}", "{'Authorization': 'Basic [REDACTED]'}"),
    ('{"member": "ada", "password": "correct horse battery"}',
     '{"member": "ada", "password": "[REDACTED]"}'),
    ("member=ada&password=hunter2&remember=1", "member=ada&password=[REDACTED]&remember=1"),
    ("CLIENT_SECRET: s3cr3t-value", "CLIENT_SECRET: [REDACTED]"),
    ('{"api_key": "k-123", "count": 3}', '{"api_key": "[REDACTED]", "count": 3}'),
]
def _expect(condition: bool, message: str) -> None:
    """Fail the check with `message` (an explicit raise: `python -O` cannot drop it)."""
    if not condition:
        raise AssertionError(message)


INNOCENT = ["borrowed 3 books", "GET /books?page=2&sort=title", "member ada logged in"]


def check_redact(module: ModuleType) -> None:
    """redact() hides each credential value and keeps everything around it."""
    for text, expected in CASES:
        got = module.redact(text)
        _expect(got == expected, f"redact({text!r}) returned {got!r}, expected {expected!r}")


def check_innocent_text(module: ModuleType) -> None:
    """redact() leaves text without credentials exactly as it was."""
    for text in INNOCENT:
        got = module.redact(text)
        _expect(got == text, f"redact({text!r}) changed it to {got!r}")


def check_filter(module: ModuleType) -> None:
    """RedactingFilter on a handler cleans messages built from %s arguments, and keeps them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(module.RedactingFilter())
    logger = logging.getLogger("exercise.hygiene_redact")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.info("login %s", {"member": "ada", "password": "swordfish"})  # nosec B105 # test input
    logger.info("headers=%s", {"Authorization": "Bearer t0k3n"})
    logger.info("borrowed %d books", 3)
    lines = stream.getvalue().splitlines()
    _expect(len(lines) == 3, f"expected 3 log lines, got {len(lines)}: did the filter drop some?")
    _expect("swordfish" not in lines[0], f"the password reached the log: {lines[0]}")
    _expect("t0k3n" not in lines[1], f"the token reached the log: {lines[1]}")
    _expect(lines[2] == "borrowed 3 books", f"an innocent line changed: {lines[2]}")
