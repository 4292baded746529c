"""The repository's contract test of the library API, and the claims of contract_schemathesis.py.

`test_library_api_honours_its_contract` (defined in snippets/apis/contract_app/suite.py, where
the page shows it) is what a real project keeps in its suite: schemathesis reads the document
the app generates, and every operation gets generated requests whose responses must match it.
"""

from __future__ import annotations

from datetime import date

from labkit.serve import serve_in_thread
from snippets.apis import contract_schemathesis as snippet
from snippets.apis.contract_app import build_app
from snippets.apis.contract_app.suite import test_library_api_honours_its_contract

__all__ = ["test_library_api_honours_its_contract"]  # collected by pytest from here


def verdicts(fixed: bool) -> dict[str, snippet.Verdict]:
    app = build_app(fixed=fixed, today=lambda: snippet.TODAY)
    with serve_in_thread(app) as base_url:
        snippet.quiet_server_errors()
        return {v.label: v for v in snippet.run_contract(base_url)}


def test_first_version_fails_exactly_where_the_page_says() -> None:
    found = verdicts(fixed=False)
    assert found["GET /books"].failures == []
    assert found["POST /books"].failures == []
    assert found["GET /books/{book_id}"].failures == ["ST108 Response violates schema"]
    assert found["GET /books/{book_id}"].response.startswith("404 ")
    loans = found["POST /books/{book_id}/loans"]
    assert "ST101 Server error" in loans.failures
    assert loans.response.startswith("500 ")


def test_shrunk_days_is_the_exact_edge_of_the_date_range() -> None:
    """-739403 days from 1 June 2025 is the day before date.min; one day fewer still works."""
    edge = -snippet.TODAY.toordinal()
    loans = verdicts(fixed=False)["POST /books/{book_id}/loans"]
    assert f'"days": {edge}' in loans.request
    assert snippet.TODAY + (date.min - snippet.TODAY) == date.min
    assert (date.min - snippet.TODAY).days == edge + 1


def test_fixed_version_passes_every_operation() -> None:
    assert all(not v.failures for v in verdicts(fixed=True).values())


def test_allow_header_lists_every_method_of_the_path() -> None:
    """Starlette alone puts only the first matching route's methods in Allow; the middleware all."""
    import httpx
    from fastapi import FastAPI

    plain = FastAPI()
    plain.get("/books")(lambda: [])
    plain.post("/books")(lambda: {})
    for app, expected in ((plain, "GET"), (build_app(), "GET, POST")):
        with serve_in_thread(app) as base_url:
            response = httpx.delete(f"{base_url}/books", timeout=5)
        assert response.status_code == 405
        assert response.headers["allow"] == expected
