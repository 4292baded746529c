"""Keep credentials out of the logs.

The library's request log must never hold a password, a token or an Authorization header.
Write:

- `redact(text)`: returns `text` with each credential value replaced by `[REDACTED]`.
  A credential is the value after a name containing `password`, `secret`, `token` or
  `api_key` (any case, with `=` or `:` between, as in query strings, form bodies, JSON or a
  Python dict's repr), and the value of an `Authorization` header. Keep the name, the quotes
  and the scheme (`Bearer [REDACTED]`, `"password": "[REDACTED]"`); a quoted value may
  contain spaces. Leave every other character as it was.
- `RedactingFilter`: a `logging.Filter` that, attached to a handler, makes every record it
  passes show the redacted message, including messages built from `%s` arguments. It keeps
  every record (it cleans, it does not drop).
"""

from __future__ import annotations

import logging


def redact(text: str) -> str:
    """`text` with every credential value replaced by [REDACTED]."""
    raise NotImplementedError("write redact")


class RedactingFilter(logging.Filter):
    """Redact each record's message before a handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        raise NotImplementedError("write RedactingFilter.filter")
