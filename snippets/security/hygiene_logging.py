"""Logging without leaking secrets: a logging.Filter that redacts them, on the handler."""

from __future__ import annotations

import io
import json
import logging
import re

VULNERABLE = ("request_logger_vulnerable",)

# --8<-- [start:filter]
NAMES = r"\b\w*(?:password|passwd|secret|token|api_?key|authorization)\w*"
# the value: quoted, or an optional auth scheme and everything up to the next separator
VALUE = r"""("[^"]*"|'[^']*'|(?:bearer |basic )?[^'"&\s,}]+)"""
CREDENTIAL = re.compile(rf"""(?i)({NAMES}['"]?\s*[:=]\s*){VALUE}""")
SCHEME = re.compile(r"(?i)^(['\"]?)(bearer |basic )")


def _hide(match: re.Match[str]) -> str:
    """Keep the name, the quotes and an auth scheme; drop the credential itself."""
    value = match.group(2)
    quote = value[0] if value[0] in "'\"" else ""
    scheme = SCHEME.match(value)
    kept = scheme.group(2) if scheme else ""
    return f"{match.group(1)}{quote}{kept}[REDACTED]{quote}"


def redact(text: str) -> str:
    """`text` with every credential replaced by [REDACTED]."""
    return CREDENTIAL.sub(_hide, text)


class RedactSecrets(logging.Filter):
    """Rewrite each record's message before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())  # [mark:merge]
        record.args = None  # the arguments are merged into msg now
        return True  # keep the record, just cleaned
# --8<-- [end:filter]


def capture(name: str, handler_filter: logging.Filter | None = None) -> io.StringIO:
    """Send the records of logger `name` to a fresh in-memory handler."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    if handler_filter:
        handler.addFilter(handler_filter)  # [mark:handler]
    logger = logging.getLogger(name)
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return stream


def log_requests(logger: logging.Logger) -> None:
    """Three everyday log lines, each carrying a credential."""
    login = {"member": "ada", "password": "correct horse battery staple"}  # nosec B105 # demo input
    logger.info("POST /login body=%s", json.dumps(login))
    logger.info("GET /loans headers=%s", {"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"})
    logger.info("GET /oauth/callback?code=4f2a&access_token=ya29.a0AfB_demo&state=xyz")


def request_logger_vulnerable() -> logging.Logger:
    """DELIBERATELY VULNERABLE: logs requests as they come, secrets and all."""
    return logging.getLogger("library.vulnerable")


def request_logger() -> logging.Logger:
    """The same logger name pattern, whose handler redacts credentials."""
    return logging.getLogger("library.safe")


def main() -> None:
    """Log the same requests through both loggers, then show a filter in the wrong place."""
    # --8<-- [start:demo]
    leaky = capture("library.vulnerable")
    log_requests(request_logger_vulnerable())
    print(leaky.getvalue(), end="")
    clean = capture("library.safe", RedactSecrets())
    log_requests(request_logger())
    print(clean.getvalue(), end="")
    # --8<-- [end:demo]
    # --8<-- [start:pitfall]
    # The filter on the parent *logger*: records from a child logger pass it by.
    parent_stream = capture("library.app")
    parent = logging.getLogger("library.app")
    parent.addFilter(RedactSecrets())  # [mark:wrong]
    parent.propagate = False
    child = logging.getLogger("library.app.auth")
    child.handlers[:], child.propagate = [], True
    child.info("login failed for ada, password=hunter2-but-longer")
    parent.info("login failed for ada, password=hunter2-but-longer")
    print(parent_stream.getvalue(), end="")
    # --8<-- [end:pitfall]


if __name__ == "__main__":
    main()
