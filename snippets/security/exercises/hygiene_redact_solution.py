"""Reference solution: one regular expression for name-value pairs, applied in a filter."""

from __future__ import annotations

import logging
import re

NAME = r"\b\w*(?:password|secret|token|api_key|authorization)\w*"
VALUE = r"""("[^"]*"|'[^']*'|(?:bearer |basic )?[^'"&\s,}]+)"""
PAIR = re.compile(rf"""(?i)({NAME}['"]?\s*[:=]\s*){VALUE}""")
SCHEME = re.compile(r"""(?i)^['"]?(bearer |basic )""")


def _hide(match: re.Match[str]) -> str:
    value = match.group(2)
    quote = value[0] if value[0] in "'\"" else ""
    scheme = SCHEME.match(value)
    return f"{match.group(1)}{quote}{scheme.group(1) if scheme else ''}[REDACTED]{quote}"


def redact(text: str) -> str:
    """`text` with every credential value replaced by [REDACTED]."""
    return PAIR.sub(_hide, text)


class RedactingFilter(logging.Filter):
    """Redact each record's message before a handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True
