"""Generate contract tests from the OpenAPI document with schemathesis: find two bugs, then pass."""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from datetime import date

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import Case
from schemathesis.core import NOT_SET
from schemathesis.core.failures import FailureGroup

from labkit.serve import serve_in_thread
from snippets.apis.contract_app import build_app

DEPENDS = ("contract_app/",)
TODAY = date(2025, 6, 1)
"""The app's clock, pinned so that the failing input it finds is the same on every run."""


@dataclass
class Verdict:
    """What the contract test concluded for one operation."""

    label: str
    examples: int
    failures: list[str]
    request: str = ""
    response: str = ""


# --8<-- [start:pin]
PINNED = {"POST /books/{book_id}/loans": {"book_id": 1}}  # [mark:pin]
"""Path parameters to keep fixed: random ids almost never name a book that exists."""
# --8<-- [end:pin]


# --8<-- [start:check]
def check_operation(operation: schemathesis.APIOperation, session: requests.Session,
                    max_examples: int = 50) -> Verdict:
    """Send generated requests to one operation and validate every response against the schema."""
    verdict = Verdict(operation.label, examples=0, failures=[])
    strategy = operation.as_strategy(path_parameters=PINNED.get(operation.label))

    @given(case=strategy)
    @settings(max_examples=max_examples, derandomize=True, database=None,  # [mark:seed]
              deadline=None, phases=[Phase.generate, Phase.shrink],
              suppress_health_check=list(HealthCheck))
    def conforms(case: Case) -> None:
        verdict.examples += 1
        response = case.call(session=session)
        try:
            case.validate_response(response)  # [mark:validate]
        except FailureGroup as group:
            verdict.failures = sorted(f"{f.code} {f.title}" for f in group.exceptions)
            body = "" if case.body is NOT_SET else json.dumps(case.body)
            verdict.request = f"{case.method} {case.formatted_path} {body}".rstrip()
            verdict.response = f"{response.status_code} {response.text}"
            raise AssertionError(verdict.failures) from None  # let hypothesis shrink it

    with contextlib.suppress(AssertionError):  # the verdict keeps the smallest failing example
        conforms()
    return verdict
# --8<-- [end:check]


def run_contract(base_url: str) -> list[Verdict]:
    """Load the document a running server serves and check each of its operations."""
    # --8<-- [start:load]
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    with requests.Session() as session:
        operations = [result.ok() for result in schema.get_all_operations()]
        return [check_operation(operation, session) for operation in operations]
    # --8<-- [end:load]


def report(verdicts: list[Verdict]) -> None:
    """Print one stable line per operation, and the smallest failing exchange if any."""
    for verdict in verdicts:
        if not verdict.failures:
            print(f"  {verdict.label:<28} passed ({verdict.examples} examples)")
            continue
        print(f"  {verdict.label:<28} FAILED: {', '.join(verdict.failures)}")
        print(f"      request:  {verdict.request}")
        print(f"      response: {verdict.response}")


def quiet_server_errors() -> None:
    """Keep uvicorn from printing the traceback of every 500 on stderr while we search for them."""
    logging.getLogger("uvicorn.error").disabled = True


def main() -> None:
    """Check the first version, then the fixed one, each on its own real server."""
    # --8<-- [start:main]
    for fixed in (False, True):
        app = build_app(fixed=fixed, today=lambda: TODAY)
        with serve_in_thread(app) as base_url:
            quiet_server_errors()
            print(f"Library API {app.version}:")
            report(run_contract(base_url))
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
