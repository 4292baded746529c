"""Structured JSON logs that carry a request id, set by a middleware through a contextvar."""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import IO, Any

from snippets.devops.obs_kit.metrics import StartStopwatch, route_of, wall_clock

# --8<-- [start:context]
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
"""The id of the request being handled by this task or thread, if any."""
# --8<-- [end:context]

SENSITIVE = frozenset({"password", "authorization", "cookie", "token", "secret", "api_key"})
"""Fields that are replaced by [redacted] whatever a caller passes in `extra=`."""

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


# --8<-- [start:formatter]
class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and any extras."""

    def __init__(self, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__()
        self.now = now

    def format(self, record: logging.LogRecord) -> str:
        """Render `record` as a JSON line; secrets in extras are redacted."""
        line: dict[str, Any] = {
            "ts": self.now().isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": request_id.get(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD:
                line[key] = "[redacted]" if key.lower() in SENSITIVE else value
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)
# --8<-- [end:formatter]


def json_logger(name: str, stream: IO[str], now: Callable[[], datetime] | None = None,
                ) -> logging.Logger:
    """A logger named `name` that writes JSON lines to `stream` (and nowhere else)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter(now) if now else JsonFormatter())
    logger = logging.getLogger(name)
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger


# --8<-- [start:middleware]
SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdMiddleware:
    """Take the caller's X-Request-ID if it is safe, else make one; log one line per request."""

    def __init__(self, app: Any, logger: logging.Logger,
                 new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
                 stopwatch: StartStopwatch = wall_clock) -> None:
        self.app, self.logger, self.new_id, self.stopwatch = app, logger, new_id, stopwatch

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        rid = sent if SAFE_ID.fullmatch(sent) else self.new_id()  # [mark:safe]
        token = request_id.set(rid)
        elapsed = self.stopwatch()

        async def send_with_id(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []),
                                      (b"x-request-id", rid.encode())]
                self.logger.info("request finished", extra={
                    "method": scope["method"], "route": route_of(scope),
                    "status": message["status"], "duration_ms": round(elapsed() * 1000, 1)})
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)
# --8<-- [end:middleware]
