"""The contract test a project keeps; tests/apis/test_contract_schemathesis.py runs it."""

from datetime import date

import schemathesis
from hypothesis import Phase, settings

from snippets.apis.contract_app import build_app

# --8<-- [start:suite]
CONFIG = schemathesis.Config.from_dict({
    "seed": 2025,  # [mark:seed]
    "generation": {"max-examples": 40, "deterministic": True},
    "operations": [{"include-path": "/books/{book_id}/loans", "parameters": {"book_id": 1}}],
})
app = build_app(fixed=True, today=lambda: date(2025, 6, 1))
schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)  # [mark:asgi]


@schema.parametrize()
@settings(phases=[Phase.explicit, Phase.generate, Phase.shrink])
def test_library_api_honours_its_contract(case: schemathesis.Case) -> None:
    """Every generated request gets a response that matches the OpenAPI document."""
    case.call_and_validate()
# --8<-- [end:suite]
