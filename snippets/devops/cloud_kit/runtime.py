"""A local stand-in for the Lambda runtime: execution environments, context, invocations."""

from __future__ import annotations

import copy
import importlib.util
import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

EVENTS = Path(__file__).with_name("events")
FUNCTION = Path(__file__).with_name("function.py")
_ids = itertools.count(1)


def load_event(name: str) -> dict[str, Any]:
    """A sample event from `cloud_kit/events/`, as a fresh dict."""
    return json.loads((EVENTS / name).read_text())


def http_event(method: str, path: str, body: str | None = None,
               query: str = "") -> dict[str, Any]:
    """The sample 2.0 event, changed to another method, path, query and body."""
    event = copy.deepcopy(load_event("http_api_post_book.json"))
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    event["requestContext"]["http"]["method"] = method
    event["rawQueryString"] = query
    event["body"] = body
    if body is None:
        event["headers"].pop("content-length", None)
        event["headers"].pop("content-type", None)
    else:
        event["headers"]["content-length"] = str(len(body.encode()))
    return event


# --8<-- [start:context]
@dataclass
class LocalContext:
    """The attributes of the Lambda context object that handlers commonly read."""

    function_name: str
    aws_request_id: str
    log_stream_name: str
    memory_limit_in_mb: int = 512
    function_version: str = "$LATEST"

    def get_remaining_time_in_millis(self) -> int:
        """A fixed budget: the local run has no timeout to count down."""
        return 30_000
# --8<-- [end:context]


# --8<-- [start:environment]
class ExecutionEnvironment:
    """One sandbox that loads the function's module once and invokes it many times."""

    def __init__(self, module_file: Path, name: str) -> None:
        self.name = name
        spec = importlib.util.spec_from_file_location(f"lambda_env_{name}", module_file)
        assert spec and spec.loader
        self.module: ModuleType = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(self.module)  # the Init phase: module-level code runs

    def invoke(self, event: dict[str, Any], handler: str = "handler") -> dict[str, Any]:
        """The Invoke phase: call the handler with the event and a fresh context."""
        context = LocalContext("library-api", f"req-{next(_ids):04d}", self.name)
        return getattr(self.module, handler)(event, context)
# --8<-- [end:environment]
