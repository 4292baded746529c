"""The library API that the "Documenting and testing APIs" page documents and tests.

`build_app(fixed=False)` is the first version, with two bugs left in on purpose;
`build_app(fixed=True)` is the version after the contract tests found them.
"""

from snippets.apis.contract_app.library import build_app

__all__ = ["build_app"]
