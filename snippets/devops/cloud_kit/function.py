"""The library API as a Lambda-style function: `handler(event, context)`.

Everything at module level runs once per execution environment (the cold start);
`handler` runs on every invocation, warm or cold.
"""

from __future__ import annotations

from typing import Any

from snippets.apis.rest_app import create_app
from snippets.devops.cloud_kit.lambda_http import handle

# --8<-- [start:init]
print("INIT: importing the code and building the app")  # once per environment
APP = create_app()  # the expensive, reusable part: routes, validation models, the store
INVOCATIONS = 0


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Entry point named in the function's configuration (`function.handler`)."""
    global INVOCATIONS
    INVOCATIONS += 1  # survives between warm invocations of this environment
    response = handle(APP, event)
    response["headers"]["x-invocation"] = f"{INVOCATIONS} in {context.log_stream_name}"
    return response
# --8<-- [end:init]
